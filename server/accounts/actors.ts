// Resolves user ids to the `{id, email, name}` the API shows, in one query per batch.
import type { Kysely } from 'kysely';
import type { Actor, DraftStatus } from '../../shared/index.ts';
import type { Database } from '../db/database.ts';

export type ActorLookup = (id: string | null) => Actor;

/** Loads the named users; unknown or null ids resolve to `null` (the system). */
export async function loadActors(db: Kysely<Database>, ids: Iterable<string | null>): Promise<ActorLookup> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  const rows = wanted.length ? await db.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', wanted).execute() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (id) => (id === null ? null : (byId.get(id) ?? null));
}

/** A draft row's status (flows and knowledge bases keep the same four columns), its author resolved. */
export function draftStatus(row: { revision: number | string; committed_revision: number | string; updated_at: string; updated_by: string | null }, actors: ActorLookup): DraftStatus {
  return {
    revision: Number(row.revision),
    updatedAt: row.updated_at,
    updatedBy: actors(row.updated_by),
    changedSinceCommit: Number(row.revision) !== Number(row.committed_revision),
  };
}
