// Cross-site request forgery defence for mutations: the Origin (when a browser sends one) must be
// this server or an allowed origin, and the `x-switchboard-csrf` header must carry the session's
// CSRF token, matching the `sb_csrf` cookie (double submit, bound to the session).
import { timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../crypto/digest.ts';
import { fail, ok, type Result } from '../failure.ts';

/** What the guard needs from a request; built from Fastify's request or by tests. */
export interface RequestMeta {
  ip: string;
  /** The Host header. */
  host: string | undefined;
  origin: string | undefined;
  /** The `x-switchboard-csrf` header. */
  csrfHeader: string | undefined;
  cookies: Record<string, string | undefined>;
}

/** True when a browser's Origin header names this host (any scheme) or one of `allowed`. Absent Origin passes (not a browser). */
export function originAllowed(meta: RequestMeta, allowed: readonly string[]): boolean {
  if (meta.origin === undefined) return true;
  if (meta.origin === 'null') return false;
  if (allowed.includes(meta.origin)) return true;
  try {
    return meta.host !== undefined && new URL(meta.origin).host === meta.host;
  } catch {
    return false;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks a mutation. Signed-in: header = cookie and SHA-256(header) = the session's csrf hash.
 * Anonymous (sign-in): the header must be present, which a cross-site form cannot add.
 */
export function checkMutation(meta: RequestMeta, o: { allowedOrigins: readonly string[]; sessionCsrfHash: string | null }): Result<void> {
  if (!originAllowed(meta, o.allowedOrigins)) return fail('FORBIDDEN', `Requests from ${meta.origin} are not allowed.`);
  const header = meta.csrfHeader;
  if (!header) return fail('FORBIDDEN', 'Missing the x-switchboard-csrf header (send the sb_csrf cookie value).');
  if (o.sessionCsrfHash === null) return ok(undefined);
  const cookie = meta.cookies['sb_csrf'];
  if (!cookie || !sameSecret(cookie, header) || !sameSecret(sha256Hex(header), o.sessionCsrfHash)) {
    return fail('FORBIDDEN', 'The CSRF token does not match this session; reload the page.');
  }
  return ok(undefined);
}
