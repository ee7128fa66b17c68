// The per-request context every procedure sees: dependencies, the request facts the guards need,
// a cookie jar, and the resolved session (null when signed out).
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { DialectName } from '../db/dialect-name.ts';
import type { SiteRuntime } from '../site-api/site-runtime.ts';
import { SESSION_COOKIE, type CookieJar } from '../auth/cookies.ts';
import type { RequestMeta } from '../auth/request-guard.ts';
import { resolveSession, type ResolvedSession } from '../auth/sessions.ts';

/** What the app is built from; `createApp` and tests assemble it. */
export interface AppDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  config: ServerConfig;
  /** Default: the wall clock. */
  clock: Clock;
  /** The site runtime (event streams, webhooks) when the HTTP server runs one; the agent inbox pokes it. Default none. */
  site?: SiteRuntime;
}

export interface Context {
  deps: AppDeps;
  request: RequestMeta;
  cookies: CookieJar;
  session: ResolvedSession | null;
}

export async function createContext(deps: AppDeps, request: RequestMeta, cookies: CookieJar): Promise<Context> {
  const session = await resolveSession(deps.db, request.cookies[SESSION_COOKIE], deps.clock.now());
  return { deps, request, cookies, session };
}
