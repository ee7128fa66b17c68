// Users and their roles: create, list, change roles, disable, reset password. Every change is
// audited; the last enabled admin can neither lose the role nor be disabled.
import type { Kysely, Transaction } from 'kysely';
import type { Role, UserSummary } from '../../shared/index.ts';
import type { ActorRef } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { hashPassword } from '../crypto/password-hash.ts';
import { newId } from '../crypto/digest.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { revokeUserSessions } from '../auth/sessions.ts';
import { sortRoles } from './load-current-user.ts';

export async function listUsers(db: Kysely<Database>): Promise<UserSummary[]> {
  const users = await db.selectFrom('users').selectAll().orderBy('email').execute();
  const roleRows = await db.selectFrom('user_roles').select(['user_id', 'role']).execute();
  const rolesOf = new Map<string, Role[]>();
  for (const r of roleRows) rolesOf.set(r.user_id, [...(rolesOf.get(r.user_id) ?? []), r.role]);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    roles: sortRoles(rolesOf.get(u.id) ?? []),
    disabled: u.disabled_at !== null,
    createdAt: u.created_at,
  }));
}

export interface CreateUserOptions {
  email: string;
  name: string;
  password: string;
  roles: Role[];
  actor: ActorRef;
  now: Date;
  scryptCost: number;
}

export async function createUser(db: Kysely<Database>, o: CreateUserOptions): Promise<Result<UserSummary>> {
  const email = o.email.toLowerCase();
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) return fail('CONFLICT', `There is already a user with the e-mail ${email}.`);
  const passwordHash = await hashPassword(o.password, o.scryptCost);
  const id = newId('usr');
  const at = o.now.toISOString();
  const userRoles = sortRoles(o.roles);
  const inserted = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('users')
      .values({ id, email, name: o.name, password_hash: passwordHash, disabled_at: null, created_at: at })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    if (userRoles.length) await trx.insertInto('user_roles').values(userRoles.map((role) => ({ user_id: id, role }))).execute();
    await appendAudit(trx, { actor: o.actor, action: 'user.create', targetType: 'user', targetId: id, details: { email, roles: userRoles }, at: o.now });
    return true;
  });
  if (!inserted) return fail('CONFLICT', `There is already a user with the e-mail ${email}.`);
  return ok({ id, email, name: o.name, roles: userRoles, disabled: false, createdAt: at });
}

/** Admins that are enabled, other than `exceptUserId`. */
async function otherActiveAdmins(db: Kysely<Database>, exceptUserId: string): Promise<number> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .where('user_roles.role', '=', 'admin')
    .where('users.disabled_at', 'is', null)
    .where('users.id', '!=', exceptUserId)
    .execute();
  return rows.length;
}

const LAST_ADMIN = 'This is the last admin; make someone else an admin first.';

/** Thrown inside a transaction to undo it when the change would leave no enabled admin. */
class LastAdminRefusal extends Error {}

/**
 * Runs an account change that may take admin rights away from `userId`, refusing it (and undoing
 * everything) when no other enabled admin would be left. The check runs in the change's own
 * transaction after taking the audit log's head row, which every audited change updates: two
 * admins demoting each other at once on PostgreSQL each counted the other before either committed
 * and left none. Holding that row, the count sees every such change committed before.
 */
async function unlessLastAdmin(db: Kysely<Database>, userId: string, change: (trx: Transaction<Database>) => Promise<void>): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('audit_head').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1).execute();
      if ((await otherActiveAdmins(trx, userId)) === 0) {
        const isAdmin = await trx.selectFrom('user_roles').select('role').where('user_id', '=', userId).where('role', '=', 'admin').executeTakeFirst();
        if (isAdmin) throw new LastAdminRefusal();
      }
      await change(trx);
    });
    return true;
  } catch (error) {
    if (error instanceof LastAdminRefusal) return false;
    throw error;
  }
}

export async function setRoles(
  db: Kysely<Database>,
  o: { userId: string; roles: Role[]; actor: ActorRef; now: Date },
): Promise<Result<{ roles: Role[] }>> {
  const user = await db.selectFrom('users').select(['id', 'email']).where('id', '=', o.userId).executeTakeFirst();
  if (!user) return fail('NOT_FOUND', 'No such user.');
  const next = sortRoles(o.roles);
  const write = async (trx: Transaction<Database>) => {
    const before = (await trx.selectFrom('user_roles').select('role').where('user_id', '=', o.userId).execute()).map((r) => r.role);
    await trx.deleteFrom('user_roles').where('user_id', '=', o.userId).execute();
    if (next.length) await trx.insertInto('user_roles').values(next.map((role) => ({ user_id: o.userId, role }))).execute();
    await appendAudit(trx, {
      actor: o.actor,
      action: 'user.roles',
      targetType: 'user',
      targetId: o.userId,
      details: { email: user.email, before: sortRoles(before), after: next },
      at: o.now,
    });
  };
  if (next.includes('admin')) await db.transaction().execute(write);
  else if (!(await unlessLastAdmin(db, o.userId, write))) return fail('PRECONDITION_FAILED', LAST_ADMIN);
  return ok({ roles: next });
}

export async function setDisabled(
  db: Kysely<Database>,
  o: { userId: string; disabled: boolean; actor: ActorRef; now: Date },
): Promise<Result<{ disabled: boolean }>> {
  const user = await db.selectFrom('users').select(['id', 'email']).where('id', '=', o.userId).executeTakeFirst();
  if (!user) return fail('NOT_FOUND', 'No such user.');
  if (o.disabled && o.userId === o.actor.id) return fail('PRECONDITION_FAILED', 'You cannot disable your own account.');
  const write = async (trx: Transaction<Database>) => {
    await trx.updateTable('users').set({ disabled_at: o.disabled ? o.now.toISOString() : null }).where('id', '=', o.userId).execute();
    if (o.disabled) await revokeUserSessions(trx, o.userId);
    await appendAudit(trx, {
      actor: o.actor,
      action: o.disabled ? 'user.disable' : 'user.enable',
      targetType: 'user',
      targetId: o.userId,
      details: { email: user.email },
      at: o.now,
    });
  };
  if (!o.disabled) await db.transaction().execute(write);
  else if (!(await unlessLastAdmin(db, o.userId, write))) return fail('PRECONDITION_FAILED', LAST_ADMIN);
  return ok({ disabled: o.disabled });
}

export interface SetPasswordOptions {
  userId: string;
  password: string;
  actor: ActorRef;
  now: Date;
  scryptCost: number;
  /** Keep this session (the user changing their own password). Default: revoke all. */
  keepSessionId?: string;
}

export async function setPassword(db: Kysely<Database>, o: SetPasswordOptions): Promise<Result<{ changed: true }>> {
  const user = await db.selectFrom('users').select(['id', 'email']).where('id', '=', o.userId).executeTakeFirst();
  if (!user) return fail('NOT_FOUND', 'No such user.');
  const passwordHash = await hashPassword(o.password, o.scryptCost);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', o.userId).execute();
    await revokeUserSessions(trx, o.userId, o.keepSessionId);
    await appendAudit(trx, { actor: o.actor, action: 'user.password', targetType: 'user', targetId: o.userId, details: { email: user.email }, at: o.now });
  });
  return ok({ changed: true });
}
