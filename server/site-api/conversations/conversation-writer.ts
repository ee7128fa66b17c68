// The one way conversations change: plan a write from the state as read, commit it only if no
// one else committed in between (revision check), else re-read and plan again. Within a process
// changes to one conversation also queue on a lock, so retries happen only between processes.
// Each commit writes the state, its events and anything else (turn record, handoff, webhook
// deliveries) in one transaction; afterwards `changed` pokes the event streams (on PostgreSQL,
// other processes' too, with a NOTIFY outside the transaction: realtime/pg-notifier.ts). On
// SQLite, turns of different conversations ready at the same moment share a transaction (group
// commit, on the writer thread when the database is a file); each caller still gets its answer
// only after the COMMIT that holds its write. A write is data (write steps) unless it needs code
// inside the transaction (`also`: handoffs, agents' actions), which runs on the main connection.
import type { Kysely, Transaction } from 'kysely';
import type { ConversationState } from '../../../shared/index.ts';
import type { Clock } from '../../clock.ts';
import type { Database, ConversationsTable } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect-name.ts';
import { transactionPerWrite, type Committer } from '../../db/group-commit.ts';
import { perDialect, rawStatement, type RawStatement } from '../../db/raw-statement.ts';
import { runSteps, UnmetExpectation, writeStep, type WriteStep } from '../../db/write-steps.ts';
import { returnSteps } from '../../dashboard/repeat-contact.ts';
import type { EventPayload } from './conversation-event.ts';
import { loadConversation, storedStateText, type StoredConversation } from './conversation-store.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import type { StateCache } from './state-cache.ts';

export interface ConversationWriter {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  locks: KeyedMutex;
  /** How writes are committed: a transaction each, or grouped (SQLite). */
  commits: Committer;
  /** States this process committed, by revision (skips re-reading and re-validating them). Optional. */
  states?: StateCache;
  /**
   * This process is the conversations' only writer (SQLite). Either way a turn on a conversation
   * this process committed last reads nothing; with other writers (PostgreSQL), a plan checks the
   * revision before any effect outside the database (`beforeEffect`).
   */
  soleWriter?: boolean;
  /** Plans recomputed after losing a race before giving up. */
  maxRetries: number;
  /** Called after a commit that added events (pokes the event streams, other processes' too). */
  changed(conversationId: string): void;
  /** Called after a commit that queued webhook deliveries. */
  queued(): void;
}

/** A writer that only writes, and pokes no stream: for callers without a running site runtime (tests, scripts). */
export function plainWriter(o: { db: Kysely<Database>; dialect: DialectName; clock: Clock }): ConversationWriter {
  return { ...o, locks: new KeyedMutex(), commits: transactionPerWrite(o.db), maxRetries: 8, changed: () => {}, queued: () => {} };
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
  /** More statements in the same transaction; one whose expectation is unmet abandons the commit (plan again). */
  steps?: WriteStep[];
  /** More writes that need code in the transaction. Throw LostRace to abandon the commit and plan again. */
  also?: (trx: Transaction<Database>, seqs: SeqRange) => Promise<void>;
  /** True when `also` queued webhook deliveries. */
  queuesWebhooks?: boolean;
  /** The idempotency key of the turn record the write stores (kept with the cached conversation). */
  turnKey?: string;
}

/** Thrown inside a commit to roll it back and re-plan (e.g. another process stored the same turn). */
export class LostRace extends Error {}

/** Thrown by `beforeEffect` when the plan started from a cached conversation another process has changed since. */
class StalePlan extends Error {}

/**
 * Call before an effect outside the database (an action's webhook): a plan made from a cached
 * conversation that another process has changed since is dropped here, and made again from the
 * database, before it calls anyone. A plan that only writes needs no check: its commit would fail.
 */
export async function beforeEffect(current: StoredConversation): Promise<void> {
  if (current.stillCurrent && !(await current.stillCurrent())) throw new StalePlan('the cached conversation changed');
}

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
      const current = await loadConversation(w.db, w.dialect, conversationId, w.states, w.soleWriter);
      if (!current) return { ok: false, failure: o.missing };
      let planned: Plan<T, F>;
      try {
        planned = await o.plan(current);
      } catch (error) {
        if (!(error instanceof StalePlan)) throw error;
        w.states?.delete(conversationId);
        continue;
      }
      if (!planned.ok) return planned;
      if (!planned.write) return { ok: true, value: planned.result };
      if (await commitWrite(w, current, planned.write)) return { ok: true, value: planned.result };
      // Planned from a cached conversation another process had changed: nothing to wait for.
      if (current.stillCurrent) continue;
      // The winner starts its next queued turn of this conversation at once, so the loser can lose
      // once per turn the other process has queued (8 in a row seen in a test of 15 each); the
      // growing pause spends fewer attempts than retrying at once (14 in a row in the same test).
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
  const revision = current.row.revision + 1;
  const state = storedStateText(write.state);
  const s = statements[w.dialect];
  // Most turns leave the status alone; not setting it spares the dashboard index, which holds it.
  const update = write.csat
    ? s.updateWithCsat([state, write.state.status, write.state.outcome, revision, seqs.last, now, write.csat.score, write.csat.comment, id, current.row.revision])
    : write.state.status === current.row.status && write.state.outcome === current.row.outcome
      ? s.updateState([state, revision, seqs.last, now, id, current.row.revision])
      : s.update([state, write.state.status, write.state.outcome, revision, seqs.last, now, id, current.row.revision]);
  // The revision check first: when it fails, nothing else runs.
  const steps = [writeStep(update, 'change'), ...eventSteps(w.dialect, id, first, write.events, now), ...(write.steps ?? [])];
  let committed: boolean;
  try {
    committed = await commit(w, steps, write.also && ((trx) => write.also!(trx, seqs)));
  } catch (error) {
    w.states?.delete(id);
    throw error;
  }
  if (committed) {
    const row = {
      ...current.row,
      status: write.state.status,
      outcome: write.state.outcome,
      revision,
      last_seq: seqs.last,
      updated_at: now,
      ...(write.csat ? { csat_score: write.csat.score, csat_comment: write.csat.comment } : {}),
    };
    const turnKeys = current.turnKeys && write.turnKey ? new Set([...current.turnKeys, write.turnKey]) : current.turnKeys;
    w.states?.set(id, { revision, state: write.state, ...(turnKeys ? { known: { row, turnKeys } } : {}) });
    announce(w, id, write);
  } else {
    w.states?.delete(id);
  }
  return committed;
}

/** Commits `steps` (then `also`, in the same transaction); false when the write was abandoned. */
async function commit(w: ConversationWriter, steps: WriteStep[], also: ((trx: Transaction<Database>) => Promise<void>) | undefined): Promise<boolean> {
  if (!also) return w.commits.commit(steps);
  try {
    return await w.commits.run(async (trx) => {
      if (!(await runSteps(trx, steps))) return false;
      await also(trx);
      return true;
    });
  } catch (error) {
    if (error instanceof LostRace || error instanceof UnmetExpectation) return false;
    throw error;
  }
}

const SET_COLUMNS = 'state = ?, status = ?, outcome = ?, revision = ?, last_seq = ?, updated_at = ?';
const statements = perDialect((dialect) => ({
  updateState: rawStatement(dialect, 'update conversations set state = ?, revision = ?, last_seq = ?, updated_at = ? where id = ? and revision = ?'),
  update: rawStatement(dialect, `update conversations set ${SET_COLUMNS} where id = ? and revision = ?`),
  updateWithCsat: rawStatement(dialect, `update conversations set ${SET_COLUMNS}, csat_score = ?, csat_comment = ? where id = ? and revision = ?`),
  insert: rawStatement(
    dialect,
    `insert into conversations (id, site_id, environment, flow_id, version_id, status, outcome, state, revision, last_seq, customer_id, customer_verified, channel, locale, csat_score, csat_comment, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  events: new Map<number, RawStatement>(),
}));

/** `insert … values (…), (…)` for `rows` events, kept per row count (a turn adds a handful). */
function insertEventsStatement(dialect: DialectName, rows: number): RawStatement {
  const s = statements[dialect];
  let statement = s.events.get(rows);
  if (!statement) {
    const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ');
    statement = rawStatement(dialect, `insert into conversation_events (conversation_id, seq, type, payload, created_at) values ${values}`);
    if (rows <= 16) s.events.set(rows, statement);
  }
  return statement;
}

/** Inserts a new conversation with its first events (and `also` writes) in one transaction. */
export async function insertConversation(
  w: ConversationWriter,
  o: { row: Omit<ConversationsTable, 'revision' | 'last_seq' | 'state' | 'status' | 'outcome'>; write: PlannedWrite },
): Promise<void> {
  const { write, row: r } = o;
  const insert = statements[w.dialect].insert([
    r.id,
    r.site_id,
    r.environment,
    r.flow_id,
    r.version_id,
    write.state.status,
    write.state.outcome,
    storedStateText(write.state),
    write.events.length,
    r.customer_id,
    r.customer_verified,
    r.channel,
    r.locale,
    r.csat_score,
    r.csat_comment,
    r.created_at,
    r.updated_at,
  ]);
  const steps = [
    writeStep(insert),
    ...returnSteps(w.db, o.row),
    ...eventSteps(w.dialect, o.row.id, 1, write.events, o.row.created_at),
    ...(write.steps ?? []),
  ];
  const seqs = { first: 1, last: write.events.length };
  if (!(await commit(w, steps, write.also && ((trx) => write.also!(trx, seqs))))) throw new Error(`conversation ${o.row.id} was not stored: a write step's expectation was unmet`);
  const row = { ...o.row, status: write.state.status, outcome: write.state.outcome, revision: 1, last_seq: write.events.length };
  w.states?.set(o.row.id, { revision: 1, state: write.state, known: { row, turnKeys: new Set(write.turnKey ? [write.turnKey] : []) } });
  announce(w, o.row.id, write);
}

function eventSteps(dialect: DialectName, conversationId: string, first: number, events: EventPayload[], now: string): WriteStep[] {
  if (events.length === 0) return [];
  const params = events.flatMap((e, i) => [conversationId, first + i, e.type, JSON.stringify(e), now]);
  return [writeStep(insertEventsStatement(dialect, events.length)(params))];
}

function announce(w: ConversationWriter, conversationId: string, write: PlannedWrite): void {
  if (write.events.length > 0) w.changed(conversationId);
  if (write.queuesWebhooks) w.queued();
}
