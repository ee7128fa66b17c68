// Where failures become HTTP: the status from the code table, the JSON error body of
// shared/api/site.ts, Retry-After for 429. Fastify's own errors (bad JSON, oversize bodies, wrong
// media type) are mapped to the same body; anything else is a bug, logged, and a masked 500.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { SiteError } from '../../../shared/api/site.ts';
import { siteErrorStatus, type SiteFailure } from '../site-failure.ts';

export function sendFailure(reply: FastifyReply, failure: SiteFailure): FastifyReply {
  if (failure.retryAfterSeconds !== undefined) reply.header('retry-after', String(failure.retryAfterSeconds));
  const body: SiteError = {
    error: { code: failure.code, message: failure.message, path: failure.path, ...(failure.issues ? { issues: failure.issues } : {}) },
  };
  return reply.code(siteErrorStatus[failure.code]).type('application/json; charset=utf-8').send(body);
}

/** The error handler of the site API's routes. */
export function siteErrorHandler(limitBytes: number) {
  return (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413) {
      return sendFailure(reply, { code: 'payload_too_large', message: `Request bodies are limited to ${Math.round(limitBytes / 1024)} KiB (a message to 4,000 characters).`, path: 'body' });
    }
    if (status === 415) return sendFailure(reply, { code: 'unsupported_media_type', message: 'Send JSON with Content-Type: application/json.', path: 'header.content-type' });
    if (status === 400 && error.code?.startsWith('FST_ERR_CTP')) {
      // Fastify answers a syntax error and a key that would reach an object's prototype alike.
      const message = `The body is not valid JSON, or uses a key JavaScript reserves (__proto__, constructor.prototype): ${error.message}`;
      return sendFailure(reply, { code: 'invalid_json', message, path: 'body' });
    }
    if (status >= 400 && status < 500) return sendFailure(reply, { code: 'invalid_request', message: error.message, path: null });
    req.log.error({ err: error }, 'site API request failed');
    return reply.code(500).type('application/json; charset=utf-8').send({ error: { code: 'internal_error', message: 'Internal server error.', path: null } });
  };
}
