// The Fastify application: tRPC under /trpc, /healthz, and `/` (the built editor, or a small
// status page until it exists). Tests build it in-process with createApp; main.ts adds env,
// migrations, bootstrap and listen.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
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

export interface CreateAppOptions {
  db: Kysely<Database>;
  dialect: DialectName;
  config: ServerConfig;
  /** Default: the wall clock. */
  clock?: Clock;
  /** Fastify's logger option. Default false (silent). */
  logger?: FastifyServerOptions['logger'];
}

/** Builds (but does not start) the server. The database must already be migrated. */
export async function createApp(o: CreateAppOptions): Promise<FastifyInstance> {
  const deps: AppDeps = { db: o.db, dialect: o.dialect, config: o.config, clock: o.clock ?? systemClock };
  const app = Fastify({ logger: o.logger ?? false, bodyLimit: o.config.bodyLimit, trustProxy: o.config.trustProxy });

  await app.register(cookie);
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(fastifyTRPCPlugin, {
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
