// Sessions are random tokens held in an HttpOnly cookie; the database keeps only their SHA-256,
// so a leaked database does not leak usable sessions. Each session has its own CSRF token.
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/index.ts';
import { randomToken, sha256Hex } from '../crypto/digest.ts';
import type { Database } from '../db/database.ts';
import { loadCurrentUser } from '../accounts/load-current-user.ts';

export interface NewSession {
  /** Goes in the `sb_session` cookie; never stored. */
  token: string;
  /** Goes in the `sb_csrf` cookie and the `x-switchboard-csrf` header. */
  csrfToken: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  sessionId: string;
  csrfHash: string;
  user: CurrentUser;
}

export async function createSession(db: Kysely<Database>, o: { userId: string; ip: string; now: Date; ttlMs: number }): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(o.now.getTime() + o.ttlMs);
  await db
    .insertInto('sessions')
    .values({
      id: sha256Hex(token),
      user_id: o.userId,
      csrf_hash: sha256Hex(csrfToken),
      created_at: o.now.toISOString(),
      expires_at: expiresAt.toISOString(),
      ip: o.ip,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The live session a cookie token names (not expired, user enabled), or null. */
export async function resolveSession(db: Kysely<Database>, token: string | undefined, now: Date): Promise<ResolvedSession | null> {
  if (!token || token.length > 200) return null;
  const session = await db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'csrf_hash', 'expires_at'])
    .where('id', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!session || session.expires_at <= now.toISOString()) return null;
  const user = await loadCurrentUser(db, session.user_id);
  return user ? { sessionId: session.id, csrfHash: session.csrf_hash, user } : null;
}

export async function revokeSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user except `keepSessionId`. Also drops expired sessions of that user. */
export async function revokeUserSessions(db: Kysely<Database>, userId: string, keepSessionId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  await query.execute();
}
