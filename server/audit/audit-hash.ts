// How one audit entry's hash is computed: SHA-256 over the previous hash and the canonical entry.
// Shared by append and verify so the two can never disagree.
import { canonicalJson } from '../crypto/canonical-json.ts';
import { sha256Hex } from '../crypto/digest.ts';
import type { AuditLogTable } from '../db/database.ts';

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 of `canonicalJson({ ...entry without hash })`; `details` is hashed as its stored text. */
export function auditEntryHash(entry: Omit<AuditLogTable, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      seq: entry.seq,
      at: entry.at,
      actorId: entry.actor_id,
      actor: entry.actor,
      action: entry.action,
      targetType: entry.target_type,
      targetId: entry.target_id,
      details: entry.details,
      prevHash: entry.prev_hash,
    }),
  );
}
