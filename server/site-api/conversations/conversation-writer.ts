// The one way conversations change: plan a write from the state as read, commit it only if no
// one else committed in between (revision check), else re-read and plan again. Within a process
// changes to one conversation also queue on a lock, so retries happen only between processes.
// Each commit writes the state, its events and anything else (turn record, handoff, webhook
// deliveries) in one transaction; on PostgreSQL it also NOTIFYs other processes at commit.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ConversationState } from '../../../shared/index.ts';
import type { Clock } from '../../clock.ts';
import type { Database, ConversationsTable } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect-name.ts';
import { EVENTS_CHANNEL } from '../realtime/pg-listener.ts';
import { recordReturn } from '../../dashboard/repeat-contact.ts';
import type { EventPayload } from './conversation-event.ts';
import { loadConversation, type StoredConversation } from './conversation-store.ts';
import { KeyedMutex } from './keyed-mutex.ts';

export interface ConversationWriter {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  locks: KeyedMutex;
  /** Plans recomputed after losing a race before giving up. */
  maxRetries: number;
  /** Called after a commit that added events (pokes this process's event streams). */
  changed(conversationId: string): void;
  /** Called after a commit that queued webhook deliveries. */
  queued(): void;
}

/** A writer that only writes: for callers without a running site runtime (tests, scripts). */
export function plainWriter(o: { db: Kysely<Database>; dialect: DialectName; clock: Clock }): ConversationWriter {
  return { ...o, locks: new KeyedMutex(), maxRetries: 8, changed: () => {}, queued: () => {} };
}

export interface SeqRange {
  /** Seq of the first new event. */
  first: number;
  /** Seq of the last new event (first − 1 when there are none). */
  last: number;
}

export interface PlannedWrite {
  state: ConversationState;
  events: EventPayload[];
  csat?: { score: number; comment: string | null };
  /** More writes in the same transaction. Throw LostRace to abandon the commit and plan again. */
  also?: (trx: Transaction<Database>, seqs: SeqRange) => Promise<void>;
  /** True when `also` queued webhook deliveries. */
  queuesWebhooks?: boolean;
}

/** Thrown inside a commit to roll it back and re-plan (e.g. another process stored the same turn). */
export class LostRace extends Error {}

export type Plan<T, F> = { ok: false; failure: F } | { ok: true; result: T; write: PlannedWrite | null };

/**
 * Runs `plan` on the current conversation and commits its write; re-plans on a lost race. A
 * plan's events get seqs `current.row.last_seq + 1` onwards.
 * `missing` when the conversation does not exist, `busy` after `maxRetries` lost races.
 */
export async function updateConversation<T, F>(
  w: ConversationWriter,
  conversationId: string,
  o: { plan: (current: StoredConversation) => Promise<Plan<T, F>>; missing: F; busy: F },
): Promise<{ ok: true; value: T } | { ok: false; failure: F }> {
  return w.locks.run(conversationId, async () => {
    for (let attempt = 0; attempt <= w.maxRetries; attempt++) {
      const current = await loadConversation(w.db, conversationId);
      if (!current) return { ok: false, failure: o.missing };
      const planned = await o.plan(current);
      if (!planned.ok) return planned;
      if (!planned.write) return { ok: true, value: planned.result };
      if (await commitWrite(w, current, planned.write)) return { ok: true, value: planned.result };
      await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
    }
    return { ok: false, failure: o.busy };
  });
}

/** Commits a planned write if the conversation is still at the revision read; false when it is not. */
async function commitWrite(w: ConversationWriter, current: StoredConversation, write: PlannedWrite): Promise<boolean> {
  const id = current.row.id;
  const now = w.clock.now().toISOString();
  const first = current.row.last_seq + 1;
  const seqs = { first, last: first + write.events.length - 1 };
  let committed: boolean;
  try {
    committed = await w.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('conversations')
        .set({
          state: JSON.stringify(write.state),
          status: write.state.status,
          outcome: write.state.outcome,
          revision: current.row.revision + 1,
          last_seq: seqs.last,
          updated_at: now,
          ...(write.csat ? { csat_score: write.csat.score, csat_comment: write.csat.comment } : {}),
        })
        .where('id', '=', id)
        .where('revision', '=', current.row.revision)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return false;
      await insertEvents(trx, id, first, write.events, now);
      await write.also?.(trx, seqs);
      await notify(w, trx, id, write.events.length);
      return true;
    });
  } catch (error) {
    if (error instanceof LostRace) return false;
    throw error;
  }
  if (committed) announce(w, id, write);
  return committed;
}

/** Inserts a new conversation with its first events (and `also` writes) in one transaction. */
export async function insertConversation(
  w: ConversationWriter,
  o: { row: Omit<ConversationsTable, 'revision' | 'last_seq' | 'state' | 'status' | 'outcome'>; write: PlannedWrite },
): Promise<void> {
  const { write } = o;
  await w.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('conversations')
      .values({ ...o.row, state: JSON.stringify(write.state), status: write.state.status, outcome: write.state.outcome, revision: 1, last_seq: write.events.length })
      .execute();
    await recordReturn(trx, o.row);
    await insertEvents(trx, o.row.id, 1, write.events, o.row.created_at);
    await write.also?.(trx, { first: 1, last: write.events.length });
    await notify(w, trx, o.row.id, write.events.length);
  });
  announce(w, o.row.id, write);
}

async function insertEvents(trx: Transaction<Database>, conversationId: string, first: number, events: EventPayload[], now: string): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('conversation_events')
    .values(events.map((e, i) => ({ conversation_id: conversationId, seq: first + i, type: e.type, payload: JSON.stringify(e), created_at: now })))
    .execute();
}

/** On PostgreSQL, tells other processes at commit (NOTIFY is transactional). */
async function notify(w: ConversationWriter, trx: Transaction<Database>, conversationId: string, events: number): Promise<void> {
  if (w.dialect === 'postgres' && events > 0) await sql`select pg_notify(${EVENTS_CHANNEL}, ${conversationId})`.execute(trx);
}

function announce(w: ConversationWriter, conversationId: string, write: PlannedWrite): void {
  if (write.events.length > 0) w.changed(conversationId);
  if (write.queuesWebhooks) w.queued();
}
