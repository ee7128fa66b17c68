// CORS for the site API: the widget runs on the site's pages and calls this server from their
// origin. Responses name the caller's origin (the Bearer key, not cookies, authenticates, so no
// credentials mode); whether that origin may use a site's key is decided per request in
// authenticate-site.ts, with a 403 the browser can read.
import type { FastifyReply, FastifyRequest } from 'fastify';

const ALLOWED_HEADERS = 'authorization, content-type, last-event-id, idempotency-key';
const EXPOSED_HEADERS = 'retry-after, idempotent-replayed';

/** The CORS headers for a request (none without an Origin header). */
export function corsHeaders(req: FastifyRequest): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED_HEADERS, vary: 'Origin' };
}

export function applyCors(req: FastifyRequest, reply: FastifyReply): void {
  for (const [k, v] of Object.entries(corsHeaders(req))) reply.header(k, v);
}

/** Answers a preflight request. */
export function preflight(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  applyCors(req, reply);
  return reply
    .header('access-control-allow-methods', 'GET, POST, OPTIONS')
    .header('access-control-allow-headers', ALLOWED_HEADERS)
    .header('access-control-max-age', '600')
    .code(204)
    .send();
}
