// The site API under /api/v1: a thin translation between HTTP and the conversation services —
// authenticate, validate, call, map failures to statuses. Plain JSON in and out, SSE for events.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csatInput, postMessageInput, requestHumanInput, startConversationInput } from '../../shared/api/site.ts';
import { eventsAfter, viewConversation } from './conversations/conversation-view.ts';
import { conversationOwner } from './conversations/conversation-store.ts';
import { recordCsat } from './conversations/record-csat.ts';
import { startConversation } from './conversations/start-conversation.ts';
import { conversationNotFound, takeTurn, type TurnRequest } from './conversations/take-turn.ts';
import { handoffPackageJsonSchema } from './handoff-json-schema.ts';
import { conversationRef } from '../http/request-log.ts';
import { authenticateSite, type AuthenticatedSite } from './http/authenticate-site.ts';
import { applyCors, corsHeaders, preflight } from './http/cors.ts';
import { parseRequest } from './http/parse-request.ts';
import { sendFailure, siteErrorHandler } from './http/reply-error.ts';
import { openApiDocument } from './openapi.ts';
import { streamEvents } from './realtime/event-stream.ts';
import type { SiteResult } from './site-failure.ts';
import type { SiteRuntime } from './site-runtime.ts';

const idParams = z.object({
  id: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'A conversation id has only letters, digits, _ and - (as returned when it started).'),
});
/** Event ids are stored as 32-bit integers (PostgreSQL's `integer`): a larger one cannot exist, and would not bind. */
const MAX_EVENT_ID = 2 ** 31 - 1;
const eventId = z.coerce.number().int().min(0).max(MAX_EVENT_ID);
const eventsQuery = z.object({
  after: eventId.optional(),
  key: z.string().optional(),
});

/** Registers the routes; mount with `{ prefix: '/api/v1' }`. */
export async function siteApiRoutes(app: FastifyInstance, o: { runtime: SiteRuntime }): Promise<void> {
  const rt = o.runtime;
  const openapi = openApiDocument();
  const handoffSchema = handoffPackageJsonSchema();

  app.setErrorHandler(siteErrorHandler(rt.options.bodyLimit));
  // Only JSON bodies: Fastify's plain-text parser would hand a text/plain body to the validators
  // as a string ("expected object") instead of the 415 the API documents.
  app.removeContentTypeParser('text/plain');
  app.setNotFoundHandler((req, reply) => {
    applyCors(req, reply);
    return sendFailure(reply, { code: 'not_found', message: `There is no ${req.method} ${req.url.split('?')[0]} in the site API (see /api/v1/openapi.json).`, path: null });
  });
  app.addHook('onRequest', async (req, reply) => applyCors(req, reply));
  app.options('/*', async (req, reply) => preflight(req, reply));

  const cacheable = { 'cache-control': 'public, max-age=300' };
  app.get('/openapi.json', async (_req, reply) => reply.headers(cacheable).send(openapi));
  app.get('/handoff-package.schema.json', async (_req, reply) => reply.headers(cacheable).type('application/schema+json').send(handoffSchema));

  /** Authenticates, or answers with the failure and returns null. */
  const caller = async (req: FastifyRequest, reply: FastifyReply, allowQueryKey = false): Promise<AuthenticatedSite | null> => {
    const auth = await authenticateSite(rt, req, { allowQueryKey });
    if (auth.ok) return auth.value;
    await sendFailure(reply, auth.failure);
    return null;
  };
  const respond = <T>(reply: FastifyReply, result: SiteResult<T>, status = 200) =>
    result.ok ? reply.code(status).send(result.value) : sendFailure(reply, result.failure);
  const route = { bodyLimit: rt.options.bodyLimit };

  app.post('/conversations', route, async (req, reply) => {
    const site = await caller(req, reply);
    if (!site) return reply;
    const input = parseRequest(startConversationInput, req.body, 'body');
    if (!input.ok) return sendFailure(reply, input.failure);
    const started = await startConversation(rt, site, input.value);
    if (!started.ok) return sendFailure(reply, started.failure);
    const { output, replayed } = started.value;
    const { conversationId, handoff, status } = output;
    if (replayed) {
      reply.header('idempotent-replayed', 'true');
    } else {
      rt.metrics?.started({ site: site.siteId, flow: input.value.flowId });
      if (handoff) rt.metrics?.handoffCreated({ queue: handoff.queue, priority: handoff.priority });
    }
    req.log.info({ site: site.siteId, flow: input.value.flowId, conversation: conversationRef(conversationId), status, replayed, handoffQueue: handoff?.queue ?? null }, 'conversation started');
    return reply.code(201).send(output);
  });

  app.get('/conversations/:id', async (req, reply) => {
    const site = await caller(req, reply);
    if (!site) return reply;
    const params = parseRequest(idParams, req.params, 'path');
    if (!params.ok) return sendFailure(reply, params.failure);
    return respond(reply, await viewConversation(rt.db, site, params.value.id));
  });

  const turn = (kind: TurnRequest['kind']) => async (req: FastifyRequest, reply: FastifyReply) => {
    const site = await caller(req, reply);
    if (!site) return reply;
    const params = parseRequest(idParams, req.params, 'path');
    if (!params.ok) return sendFailure(reply, params.failure);
    let request: TurnRequest;
    if (kind === 'message') {
      const body = parseRequest(postMessageInput, req.body, 'body');
      if (!body.ok) return sendFailure(reply, body.failure);
      request = { kind, ...body.value };
    } else {
      const body = parseRequest(requestHumanInput, req.body, 'body');
      if (!body.ok) return sendFailure(reply, body.failure);
      request = { kind, ...body.value };
    }
    const t0 = performance.now();
    const result = await takeTurn(rt, site, params.value.id, request);
    const conversation = conversationRef(params.value.id);
    if (!result.ok) {
      rt.metrics?.turnFailed({ site: site.siteId, code: result.failure.code });
      req.log.info({ site: site.siteId, conversation, kind, refused: result.failure.code }, 'turn refused');
      return sendFailure(reply, result.failure);
    }
    const { response, outcome, flowId } = result.value;
    const seconds = (performance.now() - t0) / 1000;
    rt.metrics?.turn({ site: site.siteId, flow: flowId, outcome, seconds });
    if (outcome === 'escalated' && response.handoff) rt.metrics?.handoffCreated({ queue: response.handoff.queue, priority: response.handoff.priority });
    req.log.info(
      { site: site.siteId, flow: flowId, conversation, kind, outcome, status: response.status, handoffQueue: outcome === 'escalated' ? (response.handoff?.queue ?? null) : undefined, turnMs: Math.round(seconds * 10_000) / 10 },
      'turn',
    );
    if (result.value.replayed) reply.header('idempotent-replayed', 'true');
    return reply.type('application/json; charset=utf-8').send(result.value.body);
  };
  app.post('/conversations/:id/messages', route, turn('message'));
  app.post('/conversations/:id/request-human', route, turn('request_human'));

  app.post('/conversations/:id/csat', route, async (req, reply) => {
    const site = await caller(req, reply);
    if (!site) return reply;
    const params = parseRequest(idParams, req.params, 'path');
    if (!params.ok) return sendFailure(reply, params.failure);
    const body = parseRequest(csatInput, req.body, 'body');
    if (!body.ok) return sendFailure(reply, body.failure);
    return respond(reply, await recordCsat(rt, site, params.value.id, body.value));
  });

  app.get('/conversations/:id/events', async (req, reply) => {
    const site = await caller(req, reply, true);
    if (!site) return reply;
    const params = parseRequest(idParams, req.params, 'path');
    if (!params.ok) return sendFailure(reply, params.failure);
    const query = parseRequest(eventsQuery, req.query, 'query');
    if (!query.ok) return sendFailure(reply, query.failure);
    const id = params.value.id;
    const owner = await conversationOwner(rt.db, id);
    if (!owner || owner.site_id !== site.siteId || owner.environment !== site.environment) return sendFailure(reply, conversationNotFound(id));
    let after = query.value.after ?? 0;
    const header = req.headers['last-event-id'];
    if (header !== undefined) {
      const parsed = eventId.safeParse(Array.isArray(header) ? header[0] : header);
      if (!parsed.success) return sendFailure(reply, { code: 'invalid_request', message: `Last-Event-ID must be an event id (a whole number from 0 to ${MAX_EVENT_ID}).`, path: 'header.last-event-id' });
      after = parsed.data;
    }
    // An id ahead of the conversation's last (a typo, another conversation's) would skip the
    // events still to come and, on a JSON page, hand the bad id back as lastEventId.
    after = Math.min(after, Number(owner.last_seq));
    if (!(req.headers.accept ?? '').includes('text/event-stream')) return reply.send(await eventsAfter(rt.db, id, after));
    streamEvents(rt, req, reply, { conversationId: id, after, headers: corsHeaders(req) });
    return reply;
  });
}
