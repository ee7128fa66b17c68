// Adapts Fastify's request and reply to the framework-free RequestMeta and CookieJar the tRPC
// context uses, so procedures never touch Fastify types.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieJar } from '../auth/cookies.ts';
import { CSRF_HEADER } from '../auth/cookies.ts';
import type { RequestMeta } from '../auth/request-guard.ts';

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export function requestMeta(req: FastifyRequest): RequestMeta {
  return {
    ip: req.ip,
    host: header(req.headers.host),
    origin: header(req.headers.origin),
    csrfHeader: header(req.headers[CSRF_HEADER]),
    cookies: req.cookies,
  };
}

export function replyCookieJar(reply: FastifyReply): CookieJar {
  return {
    set: (name, value, options) => void reply.setCookie(name, value, options),
    clear: (name, options) => void reply.clearCookie(name, options),
  };
}
