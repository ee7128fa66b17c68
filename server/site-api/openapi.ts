// The OpenAPI 3.1 document of the site API, generated from the zod wire schemas in
// shared/api/site.ts (request bodies as clients send them, responses as the server returns them),
// so the document cannot drift from what the server validates. Served at /api/v1/openapi.json.
import { z } from 'zod';
import { handoffPackage } from '../../shared/handoff.ts';
import { jsonSchema, jsonValueSchema, MAX_JSON_DEPTH } from '../../shared/index.ts';
import {
  conversationView,
  csatInput,
  csatOutput,
  eventsOutput,
  postMessageInput,
  requestHumanInput,
  siteError,
  siteEvent,
  siteSignal,
  startConversationInput,
  startConversationOutput,
  turnOutput,
} from '../../shared/api/site.ts';

type Schemas = Record<string, Record<string, unknown>>;

function components(entries: Record<string, z.ZodType>, io: 'input' | 'output'): Schemas {
  const registry = z.registry<{ id: string }>();
  registry.add(jsonValueSchema, { id: 'JsonValue' });
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    // A JSON value is checked for depth before its structure (shared/json.ts); as a request
    // body's part it would otherwise read as "anything".
    override: ({ zodSchema, jsonSchema: out }) => {
      if ((zodSchema as unknown) === jsonSchema) Object.assign(out, { $ref: '#/components/schemas/JsonValue', description: `Any JSON value nested at most ${MAX_JSON_DEPTH} levels deep.` });
    },
  });
  const out: Schemas = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
    out[id] = rest;
  }
  return out;
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ 'application/json': { schema: ref(id) } });
const error = (description: string) => ({ description, content: json('Error') });
const idParam = { name: 'id', in: 'path', required: true, description: 'The conversation id returned when it started.', schema: { type: 'string', maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' } };

const authErrors = {
  '401': error('Missing, unknown or revoked site key (`missing_key`, `invalid_key`).'),
  '403': error("The page's Origin is not among the site's allowed origins (`origin_not_allowed`)."),
  '429': error('Too many requests for this key or conversation (`rate_limited`); see Retry-After.'),
};
const bodyErrors = {
  '400': error('Invalid JSON or fields (`invalid_json`, `invalid_request`), with the path of each problem.'),
  '413': error('The body is larger than the limit (`payload_too_large`, 64 KiB by default).'),
  '415': error('The body is not JSON (`unsupported_media_type`).'),
};
const notFound = { '404': error("Unknown conversation, or one of another site or environment (`conversation_not_found`); the two are indistinguishable.") };

/** Builds the document (cheap; the server builds it once). */
export function openApiDocument(): Record<string, unknown> {
  const schemas = {
    ...components(
      { StartConversationRequest: startConversationInput, PostMessageRequest: postMessageInput, RequestHumanRequest: requestHumanInput, CsatRequest: csatInput },
      'input',
    ),
    ...components(
      {
        StartConversationResponse: startConversationOutput,
        TurnResponse: turnOutput,
        Conversation: conversationView,
        Event: siteEvent,
        Signal: siteSignal,
        EventsPage: eventsOutput,
        CsatResponse: csatOutput,
        Error: siteError,
        HandoffPackage: handoffPackage,
      },
      'output',
    ),
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard site API',
      version: '1.0.0',
      description:
        'Run published Switchboard flows for live customers: start a conversation, send messages (idempotent), read it back, follow its events over SSE, and record satisfaction. See docs/site-api.md for signing, durability and webhooks.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ siteKey: [] }],
    tags: [{ name: 'conversations' }, { name: 'documents' }],
    paths: {
      '/conversations': {
        post: {
          operationId: 'startConversation',
          tags: ['conversations'],
          summary: 'Start a conversation on the version deployed in the key’s environment now',
          requestBody: { required: true, content: json('StartConversationRequest') },
          responses: {
            '201': {
              description: 'Started; the bot’s opening messages. With an `idempotencyKey` already used for the same request, the stored response of that start (same conversation), marked `Idempotent-Replayed: true`.',
              headers: { 'Idempotent-Replayed': { schema: { type: 'string', enum: ['true'] } } },
              content: json('StartConversationResponse'),
            },
            ...bodyErrors,
            '400': error('Invalid fields, `customer.authenticated` without a signature, or a bad `customerToken` (`invalid_customer_token`).'),
            ...authErrors,
            '404': error('The flow is unknown or nothing is deployed to this environment (`flow_not_deployed`).'),
            '409': error('The `idempotencyKey` was already used to start a conversation with a different request (`idempotency_key_reused`).'),
            '503': error('The deployed version cannot run (`flow_unavailable`).'),
          },
        },
      },
      '/conversations/{id}': {
        get: {
          operationId: 'getConversation',
          tags: ['conversations'],
          summary: 'Status, every message and the handoff of a conversation',
          parameters: [idParam],
          responses: { '200': { description: 'The conversation.', content: json('Conversation') }, ...authErrors, ...notFound },
        },
      },
      '/conversations/{id}/messages': {
        post: {
          operationId: 'postMessage',
          tags: ['conversations'],
          summary: 'Send the customer’s message; retries with the same idempotencyKey return the first response',
          parameters: [idParam],
          requestBody: { required: true, content: json('PostMessageRequest') },
          responses: {
            '200': {
              description: 'The turn was committed; the bot’s new messages. `Idempotent-Replayed: true` marks a stored response.',
              headers: { 'Idempotent-Replayed': { schema: { type: 'string', enum: ['true'] } } },
              content: json('TurnResponse'),
            },
            ...bodyErrors,
            ...authErrors,
            ...notFound,
            '409': error('The conversation has ended (`conversation_ended`), the key was used for another message (`idempotency_key_reused`), or it kept changing (`conversation_busy`, retry with the same key).'),
            '503': error('The flow cannot run (`flow_unavailable`).'),
          },
        },
      },
      '/conversations/{id}/request-human': {
        post: {
          operationId: 'requestHuman',
          tags: ['conversations'],
          summary: '“Talk to a human”: hand the conversation over now (idempotent like messages)',
          parameters: [idParam],
          requestBody: { required: true, content: json('RequestHumanRequest') },
          responses: {
            '200': { description: 'Handed over (or already with an agent).', content: json('TurnResponse') },
            ...bodyErrors,
            ...authErrors,
            ...notFound,
            '409': error('Ended, key reused, or busy.'),
          },
        },
      },
      '/conversations/{id}/events': {
        get: {
          operationId: 'conversationEvents',
          tags: ['conversations'],
          summary: 'Events after an id: a server-sent event stream (Accept: text/event-stream), or one JSON page',
          description:
            'With `Accept: text/event-stream` the response is an SSE stream: each event has `id:` (its event id), `event:` (message, status or csat) and `data:` (an Event as JSON). Reconnect with `Last-Event-ID` to resume after the last event received. Signals come on the same stream without `id:` and are never stored: `event: typing` with `data:` a Signal while the agent holding the conversation writes (show it until ~6 s pass without another, or the agent’s message arrives). Without that Accept header the response is one JSON page (at most 500 events). EventSource cannot send headers, so this endpoint alone also accepts the key as `?key=`.',
          parameters: [
            idParam,
            { name: 'after', in: 'query', required: false, description: 'Only events with a higher id. Default 0.', schema: { type: 'integer', minimum: 0, maximum: 2147483647 } },
            { name: 'Last-Event-ID', in: 'header', required: false, description: 'Overrides `after` (sent by EventSource on reconnect).', schema: { type: 'integer', minimum: 0, maximum: 2147483647 } },
            { name: 'key', in: 'query', required: false, description: 'The site key, for EventSource clients only.', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'A stream of events, or a page of them.',
              content: { 'text/event-stream': { schema: { type: 'string' }, itemSchema: ref('Event') }, ...json('EventsPage') },
            },
            '400': error('`after` or Last-Event-ID is not a whole number from 0 to 2147483647, or the id is malformed.'),
            ...authErrors,
            ...notFound,
          },
        },
      },
      '/conversations/{id}/csat': {
        post: {
          operationId: 'recordCsat',
          tags: ['conversations'],
          summary: 'Record the customer’s satisfaction score (1–5) and an optional comment; a later score replaces it',
          parameters: [idParam],
          requestBody: { required: true, content: json('CsatRequest') },
          responses: { '200': { description: 'Recorded.', content: json('CsatResponse') }, ...bodyErrors, ...authErrors, ...notFound },
        },
      },
      '/openapi.json': {
        get: { operationId: 'openApi', tags: ['documents'], security: [], summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
      '/handoff-package.schema.json': {
        get: {
          operationId: 'handoffPackageSchema',
          tags: ['documents'],
          security: [],
          summary: 'The handoff package sent to webhooks and the agent inbox, as JSON Schema',
          responses: { '200': { description: 'JSON Schema draft 2020-12', content: { 'application/schema+json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      securitySchemes: { siteKey: { type: 'http', scheme: 'bearer', description: 'A site key (`sb_live_…` for production, `sb_test_…` for staging).' } },
      schemas,
    },
  };
}
