// Login rate limiting, stored in the database (login_failures) so every server instance behind a
// load balancer sees the same counts: per e-mail+IP and per IP within a sliding window.
import type { Kysely } from 'kysely';
import type { LoginLimits } from '../config.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';

/** TOO_MANY_REQUESTS (with retryAfterSeconds) when either limit is reached; old rows are purged on the way. */
export async function checkLoginAllowed(
  db: Kysely<Database>,
  o: { email: string; ip: string; now: Date; limits: LoginLimits },
): Promise<Result<void>> {
  const since = new Date(o.now.getTime() - o.limits.windowMs).toISOString();
  await db.deleteFrom('login_failures').where('at', '<', since).execute();
  const perAccount = await db
    .selectFrom('login_failures')
    .select('at')
    .where('email', '=', o.email)
    .where('ip', '=', o.ip)
    .where('at', '>=', since)
    .orderBy('at')
    .execute();
  const perIp = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('ip', '=', o.ip)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  const blocked = perAccount.length >= o.limits.maxFailuresPerAccount || Number(perIp.n) >= o.limits.maxFailuresPerIp;
  if (!blocked) return ok(undefined);
  const oldest = perAccount[0]?.at ?? since;
  const retryAfterSeconds = Math.max(1, Math.ceil((new Date(oldest).getTime() + o.limits.windowMs - o.now.getTime()) / 1000));
  return fail('TOO_MANY_REQUESTS', `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
}

export async function recordLoginFailure(db: Kysely<Database>, o: { email: string; ip: string; now: Date }): Promise<void> {
  await db.insertInto('login_failures').values({ email: o.email, ip: o.ip, at: o.now.toISOString() }).execute();
}

export async function clearLoginFailures(db: Kysely<Database>, o: { email: string; ip: string }): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', o.email).where('ip', '=', o.ip).execute();
}
