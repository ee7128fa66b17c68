// Walks the whole audit chain and reports every edited, deleted or reordered entry. Used by
// `audit.verify` and `npx switchboard audit verify`.
import type { Kysely } from 'kysely';
import type { AuditProblem, AuditVerification } from '../../shared/index.ts';
import type { Database } from '../db/database.ts';
import { auditEntryHash, GENESIS_HASH } from './audit-hash.ts';

const PAGE = 2000;

/** Verifies the chain page by page (constant memory). `ok` is false on any problem. */
export async function verifyAuditLog(db: Kysely<Database>): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(PAGE).execute();
    for (const raw of rows) {
      const row = { ...raw, seq: Number(raw.seq) };
      entries++;
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: expectedSeq,
          kind: 'missing_entries',
          message: `Entries ${expectedSeq}–${row.seq - 1} are missing (deleted).`,
        });
      }
      if (row.prev_hash !== prevHash) {
        problems.push({ seq: row.seq, kind: 'broken_link', message: `Entry ${row.seq} does not follow the entry before it (its previous-hash differs).` });
      }
      if (auditEntryHash(row) !== row.hash) {
        problems.push({ seq: row.seq, kind: 'hash_mismatch', message: `Entry ${row.seq} (${row.action}) was changed after it was written.` });
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
    }
    if (rows.length < PAGE) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head) {
    problems.push({ seq: 0, kind: 'head_mismatch', message: 'The audit head row is missing.' });
  } else if (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    problems.push({
      seq: Number(head.seq),
      kind: 'head_mismatch',
      message: `The log ends at entry ${expectedSeq - 1} but ${Number(head.seq)} entries were written: newest entries were deleted or the head was altered.`,
    });
  }
  return { ok: problems.length === 0, entries, headHash: prevHash, problems };
}
