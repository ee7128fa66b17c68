// Password sign-in: throttle, verify in constant time (also for unknown e-mails), open a session,
// audit success and failure.
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/index.ts';
import type { LoginLimits } from '../config.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { hashPassword, verifyPassword } from '../crypto/password-hash.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { loadCurrentUser } from '../accounts/load-current-user.ts';
import { checkLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-throttle.ts';
import { createSession, type NewSession } from './sessions.ts';

export interface LoginOptions {
  email: string;
  password: string;
  ip: string;
  now: Date;
  limits: LoginLimits;
  sessionTtlMs: number;
  scryptCost: number;
}

const dummyHashes = new Map<number, Promise<string>>();
/** A hash to verify against when the e-mail is unknown, so timing does not reveal which e-mails exist. */
function dummyHash(cost: number): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) dummyHashes.set(cost, (hash = hashPassword('not-a-real-password', cost)));
  return hash;
}

export async function login(db: Kysely<Database>, o: LoginOptions): Promise<Result<NewSession & { user: CurrentUser }>> {
  const email = o.email.trim().toLowerCase();
  const allowed = await checkLoginAllowed(db, { email, ip: o.ip, now: o.now, limits: o.limits });
  if (!allowed.ok) return allowed;

  const row = await db.selectFrom('users').select(['id', 'password_hash', 'disabled_at']).where('email', '=', email).executeTakeFirst();
  const matches = await verifyPassword(o.password, row?.password_hash ?? (await dummyHash(o.scryptCost)));
  const user = row && matches && row.disabled_at === null ? await loadCurrentUser(db, row.id) : null;
  if (!user) {
    await db.transaction().execute(async (trx) => {
      await recordLoginFailure(trx, { email, ip: o.ip, now: o.now });
      await appendAudit(trx, {
        actor: { id: null, label: 'anonymous' },
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: row?.id ?? email.slice(0, 254),
        details: { ip: o.ip },
        at: o.now,
      });
    });
    return fail('UNAUTHORIZED', 'The e-mail or password is wrong.');
  }
  const session = await db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, { email, ip: o.ip });
    const created = await createSession(trx, { userId: user.id, ip: o.ip, now: o.now, ttlMs: o.sessionTtlMs });
    await appendAudit(trx, { actor: { id: user.id, label: user.email }, action: 'auth.login', targetType: 'user', targetId: user.id, details: { ip: o.ip }, at: o.now });
    return created;
  });
  return ok({ ...session, user });
}
