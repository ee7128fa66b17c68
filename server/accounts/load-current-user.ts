// Loads the signed-in user with their roles; roles are read on every request, so a role change
// takes effect immediately (mid-review included).
import type { Kysely } from 'kysely';
import { roles as allRoles, type CurrentUser, type Role } from '../../shared/index.ts';
import type { Database } from '../db/database.ts';

/** Roles deduplicated, in the canonical order of `roles`. */
export const sortRoles = (list: Iterable<Role>): Role[] => [...new Set(list)].sort((a, b) => allRoles.indexOf(a) - allRoles.indexOf(b));

/** The user with their roles, or null when unknown or disabled. */
export async function loadCurrentUser(db: Kysely<Database>, userId: string): Promise<CurrentUser | null> {
  const user = await db.selectFrom('users').select(['id', 'email', 'name', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabled_at !== null) return null;
  const roleRows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return { id: user.id, email: user.email, name: user.name, roles: sortRoles(roleRows.map((r) => r.role)) };
}

