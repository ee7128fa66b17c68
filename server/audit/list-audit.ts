// Reads the audit log for the admin screen, newest first.
import type { Kysely } from 'kysely';
import type { AuditEntry, JsonObject } from '../../shared/index.ts';
import type { Database } from '../db/database.ts';

export async function listAudit(db: Kysely<Database>, input: { limit: number; beforeSeq?: number | undefined }): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(input.limit);
  if (input.beforeSeq !== undefined) query = query.where('seq', '<', input.beforeSeq);
  const rows = await query.execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actor: r.actor,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    details: parseDetails(r.details),
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

function parseDetails(text: string): JsonObject {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : { value: text };
  } catch {
    return { unreadable: text };
  }
}
