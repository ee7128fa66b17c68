// The studio's CSRF scheme (server/auth/request-guard.ts): every mutation echoes the readable
// `sb_csrf` cookie in the `x-switchboard-csrf` header. Before sign-in there is no cookie; the
// header must still be present, which a cross-site form cannot add.

export const CSRF_HEADER = 'x-switchboard-csrf';
const CSRF_COOKIE = 'sb_csrf';

/** The session's CSRF token from its cookie, or `anonymous` before sign-in. */
export function csrfToken(cookies: string = document.cookie): string {
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return 'anonymous';
}
