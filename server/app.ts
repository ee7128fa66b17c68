// The Fastify application: tRPC under /trpc, /healthz, and `/` (the built editor, or a small
// status page until it exists). Tests build it in-process with createApp; main.ts adds env,
// migrations, bootstrap and listen.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { sql, type Kysely } from 'kysely';
import { systemClock, type Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import type { DialectName } from './db/dialect-name.ts';
import { listFlows } from './flows/list-flows.ts';
import { homePage } from './http/home-page.ts';
import { replyCookieJar, requestMeta } from './http/fastify-bridge.ts';
import { appRouter, type AppRouter } from './trpc/app-router.ts';
import { createContext, type AppDeps } from './trpc/context.ts';
import { FailureDetails } from './trpc/failure-error.ts';
import { closeStreams } from './site-api/realtime/event-stream.ts';
import { siteApiOptions, type SiteApiOptions } from './site-api/site-api-options.ts';
import { applyCors } from './site-api/http/cors.ts';
import { sendFailure } from './site-api/http/reply-error.ts';
import { siteApiRoutes } from './site-api/site-api-routes.ts';
import { sitePages } from './site-api/site-pages.ts';
import { createSiteRuntime } from './site-api/site-runtime.ts';
import { warmLiveFlows } from './site-api/flows/warm-live-flows.ts';
import { defaultMetricsOptions, type MetricsOptions } from './metrics/metrics-options.ts';
import { registerMetrics } from './metrics/metrics-route.ts';
import { ServerMetrics } from './metrics/server-metrics.ts';
import { logSerializers, requestId } from './http/request-log.ts';

export interface CreateAppOptions {
  db: Kysely<Database>;
  dialect: DialectName;
  config: ServerConfig;
  /** Default: the wall clock. */
  clock?: Clock;
  /** Fastify's logger option. Default false (silent). */
  logger?: FastifyServerOptions['logger'];
  /** The site API, widget and webhooks (docs/site-api.md). Default: `siteApiOptions()`. */
  site?: SiteApiOptions;
  /** `/metrics` and what it may be read by. Default: on, loopback only. */
  metrics?: MetricsOptions;
  /** The SQLite file behind `db` (conversation writes then commit on a thread of their own). Default none. */
  sqliteFile?: string | null;
  /** The PostgreSQL URL behind `db` (the process then hears other processes' events, and conversation writes commit pipelined). Default none. */
  postgresUrl?: string | null;
}

/**
 * A URL the router cannot decode (bad percent-encoding): the site API answers in its own error
 * format, with CORS headers so the widget can read it; other routes get Fastify's 400.
 */
function routerError(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (req.url.startsWith('/api/v1/')) {
    applyCors(req, reply);
    void sendFailure(reply, { code: 'invalid_request', message: `The URL is not valid: ${error.message}`, path: 'path' });
  } else {
    void reply.code(400).send(error);
  }
}

/** Builds (but does not start) the server. The database must already be migrated. */
export async function createApp(o: CreateAppOptions): Promise<FastifyInstance> {
  // routerOptions.maxParamLength: a batched tRPC GET names every procedure in the path
  // (`/trpc/a.b,c.d,…`); Fastify's default of 100 characters answered a five-query batch with 414.
  const app = Fastify({
    logger: o.logger ? { ...(typeof o.logger === 'object' ? o.logger : {}), serializers: logSerializers } : false,
    genReqId: requestId,
    bodyLimit: o.config.bodyLimit,
    trustProxy: o.config.trustProxy,
    routerOptions: { maxParamLength: 5000 },
    frameworkErrors: routerError,
  });
  const clock = o.clock ?? systemClock;
  const metricsOptions = o.metrics ?? defaultMetricsOptions;
  const metrics = metricsOptions.enabled ? new ServerMetrics() : null;
  if (metrics) registerMetrics(app, metrics, metricsOptions);
  const site = createSiteRuntime({
    metrics,
    db: o.db,
    dialect: o.dialect,
    sqliteFile: o.sqliteFile ?? null,
    postgresUrl: o.postgresUrl ?? null,
    clock,
    options: o.site ?? siteApiOptions(),
    log: { info: (m, fields) => app.log.info(fields ?? {}, m), error: (m, err, fields) => app.log.error({ ...fields, err }, m) },
  });
  const deps: AppDeps = { db: o.db, dialect: o.dialect, config: o.config, clock, site };
  app.addHook('preClose', async () => closeStreams(site));
  app.addHook('onClose', async () => site.close());

  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('x-request-id', req.id);
    done(null, payload);
  });

  // Only the editor's tRPC API uses cookies (sessions, CSRF): the plugin lives in its scope, so the
  // site API's requests skip its parsing and onSend hooks.
  await app.register(async (studio) => {
    await studio.register(cookie);
    await studio.register(fastifyTRPCPlugin, {
      prefix: '/trpc',
      trpcOptions: {
        router: appRouter,
        createContext: ({ req, res }) => createContext(deps, requestMeta(req), replyCookieJar(res)),
        onError: ({ error, path }) => {
          if (error.code === 'INTERNAL_SERVER_ERROR') app.log.error({ err: error.cause ?? error, path }, 'procedure failed');
        },
        responseMeta: ({ errors }) => {
          const retry = errors.map((e) => (e.cause instanceof FailureDetails ? e.cause.data.retryAfterSeconds : undefined)).find((s) => s !== undefined);
          return retry !== undefined ? { headers: { 'retry-after': String(retry) } } : {};
        },
      } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
    });
  });

  // The site API (/api/v1), the widget script and the demo page.
  await app.register(siteApiRoutes, { prefix: '/api/v1', runtime: site });
  await app.register(sitePages, { runtime: site });
  if (site.options.warmFlows === 'all') await warmLiveFlows(site);
  // Listen for other processes' events before serving (streams also poll, should this time out).
  await Promise.race([site.ready, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);

  app.get('/healthz', async (_req, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok', database: deps.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: deps.dialect });
    }
  });

  const editorDir = resolve(o.config.editorDir);
  if (existsSync(resolve(editorDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: editorDir, prefix: '/', wildcard: false });
    // Client-side routes of the single-page editor get its index.html.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/trpc') && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.code(404).send({ error: 'Not found' });
    });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(homePage(await listFlows(deps.db))));
    app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'Not found' }));
  }

  // Errors outside tRPC (oversized or malformed bodies): keep their 4xx status; anything else is a logged 500.
  app.setErrorHandler((error, req, reply) => {
    const status = typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err: error }, 'request failed');
      return reply.code(500).send({ error: 'Internal server error' });
    }
    return reply.code(status).send({ error: error instanceof Error ? error.message : 'Bad request' });
  });

  return app;
}
