// The site API's wire shapes (`/api/v1`, plain JSON over HTTP + SSE): requests, responses, events
// and errors. The server validates with them, the OpenAPI document is generated from them, and
// the chat widget imports their types.
import { z } from 'zod';
import { jsonSchema, type Json } from '../json.ts';
import { priorities } from '../priority.ts';
import { flowId, isoTimestamp } from './common.ts';

/** Longest customer message, in characters (the engine's own limit). */
export const MAX_SITE_MESSAGE_CHARS = 4000;
/** Most customer fields a conversation may carry. */
export const MAX_CUSTOMER_FIELDS = 50;
/** Largest serialised `customer` object, in characters. */
export const MAX_CUSTOMER_JSON_CHARS = 8192;

const customerKey = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Use letters, digits and underscores, starting with a letter (e.g. firstName).')
  .max(64);

/**
 * Customer fields a site passes (tier, value, firstName…); they reach the rule context as
 * `customer`. Unsigned fields may not claim `authenticated` or `id`: those come only from a signed
 * `customerToken`.
 */
export const customerFields = z
  .record(customerKey, jsonSchema)
  .refine((c) => Object.keys(c).length <= MAX_CUSTOMER_FIELDS, { message: `At most ${MAX_CUSTOMER_FIELDS} customer fields.` })
  .refine((c) => JSON.stringify(c).length <= MAX_CUSTOMER_JSON_CHARS, { message: `Customer fields are limited to ${MAX_CUSTOMER_JSON_CHARS} characters of JSON.` });
export type CustomerFields = Record<string, Json>;

export const channelName = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'Use lowercase letters, digits, dashes and underscores (e.g. web).')
  .max(32);

export const idempotencyKey = z
  .string()
  .min(1, 'An idempotency key cannot be empty.')
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'Use printable ASCII without spaces (a UUID is ideal).');

export const startConversationInput = z.strictObject({
  flowId,
  /** Default `web`. */
  channel: channelName.optional(),
  /** BCP 47 tag. Default: the flow's locale. */
  locale: z.string().max(64).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a BCP 47 language tag such as en or de-CH.').optional(),
  /** Unsigned customer fields (anything a browser may say about itself). */
  customer: customerFields.optional(),
  /**
   * Customer fields signed by the site's backend (docs/site-api.md, "Signed customer data"):
   * `base64url(payload) "." base64url(HMAC-SHA256(signingSecret, base64url(payload)))`. Its
   * fields override unsigned ones and set `customer.authenticated = true`.
   */
  customerToken: z.string().min(1).max(16_384).optional(),
  /** False when the customer opted out of personalisation: no profile fields reach the flow. Default true. */
  personalisation: z.boolean().optional(),
  /**
   * Makes the start safe to retry: the same key (per site and environment) returns the same
   * conversation and its opening response instead of starting another; the same key with a
   * different body is 409 `idempotency_key_reused`. Treat it like a secret (a random UUID): it
   * leads to the conversation. Default: none (every start is a new conversation).
   */
  idempotencyKey: idempotencyKey.optional(),
});
/** The request as parsed (defaults applied). */
export type StartConversationInput = z.output<typeof startConversationInput>;
/** The request body as a client sends it. */
export type StartConversationBody = z.input<typeof startConversationInput>;

export const postMessageInput = z.strictObject({
  text: z.string().max(MAX_SITE_MESSAGE_CHARS, `A message is limited to ${MAX_SITE_MESSAGE_CHARS} characters.`),
  /** Retries with the same key return the first response and store nothing twice. */
  idempotencyKey,
});
/** The request as parsed (defaults applied). */
export type PostMessageInput = z.output<typeof postMessageInput>;
/** The request body as a client sends it. */
export type PostMessageBody = z.input<typeof postMessageInput>;

export const requestHumanInput = z.strictObject({ idempotencyKey });
/** The request as parsed (defaults applied). */
export type RequestHumanInput = z.output<typeof requestHumanInput>;
/** The request body as a client sends it. */
export type RequestHumanBody = z.input<typeof requestHumanInput>;

export const csatInput = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().max(2000).optional(),
});
/** The request as parsed (defaults applied). */
export type CsatInput = z.output<typeof csatInput>;
/** The request body as a client sends it. */
export type CsatBody = z.input<typeof csatInput>;

export const conversationStatus = z.enum(['active', 'escalated', 'ended']);
export type ConversationStatus = z.output<typeof conversationStatus>;

export const messageRole = z.enum(['user', 'bot', 'agent', 'system']);

/** One message as the site sees it; `id` is its event id in the conversation. */
export const siteMessage = z.object({
  id: z.number().int(),
  role: messageRole,
  text: z.string(),
  at: isoTimestamp,
  /** The agent's display name for agent messages, else null. */
  author: z.string().nullable(),
});
export type SiteMessage = z.output<typeof siteMessage>;

export const handoffState = z.enum(['waiting', 'assigned', 'resolved']);

/** What the customer side may know about a handoff (the full package is for agents and webhooks). */
export const siteHandoff = z.object({
  queue: z.string(),
  priority: z.enum(priorities),
  reasons: z.array(z.object({ source: z.enum(['rule', 'node', 'system']), id: z.string().nullable(), name: z.string(), reason: z.string() })),
  state: handoffState,
  /** The agent who took the conversation (display name), once assigned. */
  agent: z.object({ name: z.string() }).nullable(),
});
export type SiteHandoff = z.output<typeof siteHandoff>;

export const flowRefOutput = z.object({ id: z.string(), versionId: z.string(), version: z.number().int() });

export const startConversationOutput = z.object({
  conversationId: z.string(),
  status: conversationStatus,
  flow: flowRefOutput,
  /** The bot's opening messages. */
  messages: z.array(siteMessage),
  handoff: siteHandoff.nullable(),
  /** The newest event id; resume the event stream after it. */
  lastEventId: z.number().int(),
});
export type StartConversationOutput = z.output<typeof startConversationOutput>;

export const turnOutput = z.object({
  status: conversationStatus,
  /** The bot's new messages this turn (empty while an agent has the conversation). */
  messages: z.array(siteMessage),
  handoff: siteHandoff.nullable(),
  lastEventId: z.number().int(),
});
export type TurnOutput = z.output<typeof turnOutput>;

export const csatOutput = z.object({ score: z.number().int(), comment: z.string().nullable(), lastEventId: z.number().int() });

/** An event of a conversation, in order; `id` grows by one per event and is the SSE id. */
export const siteEvent = z.discriminatedUnion('type', [
  z.object({ id: z.number().int(), type: z.literal('message'), at: isoTimestamp, message: siteMessage }),
  z.object({
    id: z.number().int(),
    type: z.literal('status'),
    at: isoTimestamp,
    status: conversationStatus,
    outcome: z.enum(['resolved', 'abandoned']).nullable(),
    handoff: siteHandoff.nullable(),
  }),
  z.object({ id: z.number().int(), type: z.literal('csat'), at: isoTimestamp, score: z.number().int(), comment: z.string().nullable() }),
]);
export type SiteEvent = z.output<typeof siteEvent>;

/**
 * Sent on the event stream without an id and never stored: a person is writing to the customer
 * now. Sent again every few seconds while they type; a client shows it until a few seconds pass
 * without one, or the person's message arrives.
 */
export const siteSignal = z.object({ type: z.literal('typing'), role: z.literal('agent'), author: z.string() });
export type SiteSignal = z.output<typeof siteSignal>;

export const eventsOutput = z.object({ events: z.array(siteEvent), lastEventId: z.number().int() });
export type EventsOutput = z.output<typeof eventsOutput>;

export const conversationView = z.object({
  conversationId: z.string(),
  status: conversationStatus,
  outcome: z.enum(['resolved', 'abandoned']).nullable(),
  flow: flowRefOutput,
  channel: z.string(),
  locale: z.string(),
  createdAt: isoTimestamp,
  messages: z.array(siteMessage),
  handoff: siteHandoff.nullable(),
  csat: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
  lastEventId: z.number().int(),
});
export type ConversationView = z.output<typeof conversationView>;

/** Stable error codes of the site API; each has one HTTP status (docs/site-api.md). */
export const siteErrorCodes = [
  'invalid_json',
  'invalid_request',
  'payload_too_large',
  'unsupported_media_type',
  'missing_key',
  'invalid_key',
  'origin_not_allowed',
  'invalid_customer_token',
  'not_found',
  'flow_not_deployed',
  'conversation_not_found',
  'conversation_ended',
  'idempotency_key_reused',
  'conversation_busy',
  'rate_limited',
  'flow_unavailable',
] as const;
export type SiteErrorCode = (typeof siteErrorCodes)[number];

export const siteError = z.object({
  error: z.object({
    code: z.enum(siteErrorCodes),
    message: z.string(),
    /** Where in the request the problem is (`body.text`, `header.authorization`, `path.id`). */
    path: z.string().nullable(),
    /** Every field problem, for invalid requests. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type SiteError = z.output<typeof siteError>;
