// Reading conversations back: the row, and its engine state parsed again with the shared schema
// (stored data is re-validated, never trusted) — unless the state cache holds the very state this
// process committed at the row's revision. A cached conversation is read from the cache alone: every
// commit is checked against the revision it was planned from, so a plan made from a stale entry
// fails to commit and is made again from the database (conversation-writer.ts).
//
// The state is stored without its transcript: every transcript entry is also a message event
// (turn-events.ts), so the transcript is rebuilt from those when the state is read. Storing it
// twice made it most of every turn's serialisation and write (docs/benchmarks.md "Site runtime").
// Rows written before keep their transcript in the state, and it is used as stored.
import type { Kysely, Selectable } from 'kysely';
import { conversationState, type ConversationState, type TranscriptEntry } from '../../../shared/index.ts';
import type { ConversationsTable, Database } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect-name.ts';
import { perDialect, rawStatement, runRaw } from '../../db/raw-statement.ts';
import { eventPayload } from './conversation-event.ts';
import type { StateCache } from './state-cache.ts';

export type ConversationRow = Omit<Selectable<ConversationsTable>, 'state'>;

export interface StoredConversation {
  row: ConversationRow;
  state: ConversationState;
  /** Every idempotency key stored for the conversation, when the state cache knows them (else look them up). */
  turnKeys?: ReadonlySet<string>;
  /**
   * Present when this came from the cache without reading while other processes may write too:
   * whether the conversation is still at the cached revision (read once). `beforeEffect` uses it.
   */
  stillCurrent?: () => Promise<boolean>;
}

export class CorruptConversationError extends Error {}

const HEAD_COLUMNS =
  'id, site_id, environment, flow_id, version_id, status, outcome, revision, last_seq, customer_id, customer_verified, channel, locale, csat_score, csat_comment, created_at, updated_at';

const statements = perDialect((dialect) => ({
  head: rawStatement(dialect, `select ${HEAD_COLUMNS} from conversations where id = ?`),
  revision: rawStatement(dialect, 'select revision from conversations where id = ?'),
  full: rawStatement(dialect, `select ${HEAD_COLUMNS}, state from conversations where id = ?`),
}));

/**
 * The conversation, or undefined. With `cache`, a conversation this process committed last is
 * used as cached (row, state and turn keys) without reading anything; with `soleWriter` false
 * (other processes share the database) it carries `stillCurrent`. Otherwise the state comes from
 * the cache when the row's revision matches.
 */
export async function loadConversation(
  db: Kysely<Database>,
  dialect: DialectName,
  id: string,
  cache?: StateCache,
  soleWriter = false,
): Promise<StoredConversation | undefined> {
  const s = statements[dialect];
  const cached = cache?.peek(id);
  if (cached?.known) {
    const stored = { row: cached.known.row, state: cached.state, turnKeys: cached.known.turnKeys };
    if (soleWriter) return stored;
    let check: Promise<boolean> | undefined;
    const stillCurrent = () => (check ??= runRaw<{ revision: number | string }>(db, s.revision([id])).then((r) => Number(r.rows[0]?.revision) === cached.revision));
    return { ...stored, stillCurrent };
  }
  if (cached) {
    const [head] = (await runRaw<ConversationRow>(db, s.head([id]))).rows;
    if (!head) {
      cache!.delete(id);
      return undefined;
    }
    const row = normalise(head);
    const state = cache!.get(id, row.revision);
    if (state) return { row, state };
  }
  const [full] = (await runRaw<ConversationRow & { state: string }>(db, s.full([id]))).rows;
  if (!full) return undefined;
  const { state: text, ...head } = full;
  const row = normalise(head);
  return { row, state: await withTranscript(db, row, parseStoredState(id, text)) };
}

/** The state's JSON text as stored: everything but the transcript (the message events hold it). */
export function storedStateText(state: ConversationState): string {
  return JSON.stringify({ ...state, transcript: [] });
}

/** A stored state parsed and validated; CorruptConversationError when it no longer parses. */
export function parseStoredState(id: string, text: string): ConversationState {
  const parsed = conversationState.safeParse(JSON.parse(text));
  if (!parsed.success) throw new CorruptConversationError(`Conversation ${id}: stored state no longer parses (${parsed.error.issues[0]?.message}).`);
  return parsed.data;
}

/** The state with its transcript, rebuilt from the message events unless the row stored one. */
export async function withTranscript(db: Kysely<Database>, row: { id: string; last_seq: number | string }, state: ConversationState): Promise<ConversationState> {
  if (state.transcript.length > 0 || Number(row.last_seq) === 0) return state;
  return { ...state, transcript: await transcriptOf(db, row.id) };
}

async function transcriptOf(db: Kysely<Database>, conversationId: string): Promise<TranscriptEntry[]> {
  const rows = await db.selectFrom('conversation_events').select('payload').where('conversation_id', '=', conversationId).where('type', '=', 'message').orderBy('seq').execute();
  return rows.map((r) => {
    const p = eventPayload.parse(JSON.parse(r.payload));
    if (p.type !== 'message') throw new CorruptConversationError(`Conversation ${conversationId}: a message event holds a ${p.type} payload.`);
    return { role: p.role, text: p.text, at: Date.parse(p.at) };
  });
}

/** PostgreSQL returns bigint columns as strings. */
const normalise = (row: ConversationRow): ConversationRow => ({ ...row, revision: Number(row.revision), last_seq: Number(row.last_seq), customer_verified: Number(row.customer_verified) });

/** The conversation's site, environment and status, or undefined; the cheap check before anything else. */
export async function conversationOwner(db: Kysely<Database>, id: string) {
  return db.selectFrom('conversations').select(['site_id', 'environment', 'status', 'last_seq']).where('id', '=', id).executeTakeFirst();
}
