// Appends one entry to the hash-chained audit log, in the caller's transaction so the entry
// commits (or rolls back) with the change it records.
import type { Kysely } from 'kysely';
import type { JsonObject } from '../../shared/index.ts';
import type { ActorRef } from '../actor.ts';
import { canonicalJson } from '../crypto/canonical-json.ts';
import type { Database } from '../db/database.ts';
import { auditEntryHash } from './audit-hash.ts';

export interface NewAuditEntry {
  actor: ActorRef;
  /** Dotted verb, e.g. `version.commit`, `review.approve`, `auth.login`. */
  action: string;
  targetType: string;
  targetId: string;
  /** Small facts (ids, hashes, revisions), never whole documents or secrets. Default {}. */
  details?: JsonObject;
  at: Date;
}

/**
 * Appends an entry. The head row is bumped first: on PostgreSQL that row lock serialises
 * concurrent appends, on SQLite the single writer does. Runs in a transaction of its own when
 * `db` is not already one.
 */
export async function appendAudit(db: Kysely<Database>, entry: NewAuditEntry): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => appendAudit(trx, entry));
    return;
  }
  const head = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const row = {
    seq: Number(head.seq),
    at: entry.at.toISOString(),
    actor_id: entry.actor.id,
    actor: entry.actor.label,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    details: canonicalJson(entry.details ?? {}),
    prev_hash: head.hash,
  };
  const hash = auditEntryHash(row);
  await db.insertInto('audit_log').values({ ...row, hash }).execute();
  await db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}
