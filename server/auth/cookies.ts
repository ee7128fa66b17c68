// Cookie names and attributes in one place. The session cookie is HttpOnly; the CSRF cookie is
// readable by the editor's script, which echoes it in the `x-switchboard-csrf` header.

export const SESSION_COOKIE = 'sb_session';
export const CSRF_COOKIE = 'sb_csrf';
export const CSRF_HEADER = 'x-switchboard-csrf';

export interface CookieOptions {
  httpOnly: boolean;
  sameSite: 'lax' | 'strict';
  secure: boolean;
  path: string;
  expires?: Date;
}

/** Where a procedure sets or clears cookies: Fastify's reply in the server, a recording jar in tests. */
export interface CookieJar {
  set(name: string, value: string, options: CookieOptions): void;
  clear(name: string, options: CookieOptions): void;
}

export function sessionCookieOptions(secure: boolean, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', ...(expires ? { expires } : {}) };
}

export function csrfCookieOptions(secure: boolean, expires?: Date): CookieOptions {
  return { httpOnly: false, sameSite: 'lax', secure, path: '/', ...(expires ? { expires } : {}) };
}
