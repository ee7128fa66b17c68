// What the JSON request logs may contain. Every request gets an id (a caller's well-formed
// X-Request-Id, else a random UUID) that Fastify puts on each log line of that request as
// `reqId` and the reply echoes. URLs are logged without their query (it can carry a site key)
// and with conversation ids shortened: a full id is the capability to read a conversation.
// Client addresses and message texts are never logged.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's genReqId. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && WELL_FORMED_ID.test(given) ? given : randomUUID();
}

/**
 * `conv_AbCdEfGh…`: the first 8 characters of the id's last 24 (its random or hashed part; a new
 * id starts with its creation time, which many share): enough to correlate log lines, far too
 * little to use.
 */
export function conversationRef(id: string): string {
  return id.length >= 29 ? `${id.slice(0, 5)}${id.slice(-24, -16)}…` : id;
}

/** The path without query, conversation ids shortened. */
export function loggedUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/conv_[A-Za-z0-9_-]+/g, conversationRef);
}

/** Pino serializers for Fastify's request and response log fields. */
export const logSerializers = {
  req: (req: { method?: string; url?: string }) => ({ method: req.method, url: loggedUrl(req.url ?? '') }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};
