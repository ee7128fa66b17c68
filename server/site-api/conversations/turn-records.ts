// The turns table: one row per answered request of a conversation (its opening included), keyed
// by the request's idempotency key, holding the reply as sent. Starts and turns both look a key up
// before doing anything, and store their row with the conversation's change.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect-name.ts';
import { perDialect, rawStatement, runRaw } from '../../db/raw-statement.ts';
import { writeStep, type WriteStep } from '../../db/write-steps.ts';

const statements = perDialect((dialect) => ({
  find: rawStatement(dialect, 'select request_hash, response from turns where conversation_id = ? and idempotency_key = ?'),
  insert: rawStatement(
    dialect,
    'insert into turns (conversation_id, idempotency_key, kind, request_hash, response, trace, created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (conversation_id, idempotency_key) do nothing returning id',
  ),
}));

export interface StoredTurn {
  request_hash: string;
  /** The reply as sent (JSON text). */
  response: string;
}

/** The turn stored under a conversation's idempotency key, if any. */
export async function findTurn(db: Kysely<Database>, dialect: DialectName, conversationId: string, key: string): Promise<StoredTurn | undefined> {
  return (await runRaw<StoredTurn>(db, statements[dialect].find([conversationId, key]))).rows[0];
}

/** Stores a turn; a key stored meanwhile (by another process) leaves the write unmet, to plan again. */
export function insertTurnStep(
  dialect: DialectName,
  t: { conversationId: string; key: string; kind: string; requestHash: string; response: string; trace: string; at: string },
): WriteStep {
  return writeStep(statements[dialect].insert([t.conversationId, t.key, t.kind, t.requestHash, t.response, t.trace, t.at]), 'row');
}
