// Reading conversations back: the row, and its engine state parsed again with the shared schema
// (stored data is re-validated, never trusted) — unless the state cache holds the very state this
// process committed at the row's revision.
import type { Kysely, Selectable } from 'kysely';
import { conversationState, type ConversationState } from '../../../shared/index.ts';
import type { ConversationsTable, Database } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect-name.ts';
import { perDialect, rawStatement, runRaw } from '../../db/raw-statement.ts';
import type { StateCache } from './state-cache.ts';

export type ConversationRow = Omit<Selectable<ConversationsTable>, 'state'>;

export interface StoredConversation {
  row: ConversationRow;
  state: ConversationState;
  /** Every idempotency key stored for the conversation, when the state cache knows them (else look them up). */
  turnKeys?: ReadonlySet<string>;
}

export class CorruptConversationError extends Error {}

const HEAD_COLUMNS =
  'id, site_id, environment, flow_id, version_id, status, outcome, revision, last_seq, customer_id, customer_verified, channel, locale, csat_score, csat_comment, created_at, updated_at';

const statements = perDialect((dialect) => ({
  head: rawStatement(dialect, `select ${HEAD_COLUMNS} from conversations where id = ?`),
  full: rawStatement(dialect, `select ${HEAD_COLUMNS}, state from conversations where id = ?`),
}));

/**
 * The conversation, or undefined. With `cache`, the state comes from it when the revision matches;
 * with `soleWriter` too, a cached row and its turn keys are used without reading anything.
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
  if (cached?.known && soleWriter) return { row: cached.known.row, state: cached.state, turnKeys: cached.known.turnKeys };
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
  const parsed = conversationState.safeParse(JSON.parse(text));
  if (!parsed.success) throw new CorruptConversationError(`Conversation ${id}: stored state no longer parses (${parsed.error.issues[0]?.message}).`);
  return { row: normalise(head), state: parsed.data };
}

/** PostgreSQL returns bigint columns as strings. */
const normalise = (row: ConversationRow): ConversationRow => ({ ...row, revision: Number(row.revision), last_seq: Number(row.last_seq), customer_verified: Number(row.customer_verified) });

/** The conversation's site, environment and status, or undefined; the cheap check before anything else. */
export async function conversationOwner(db: Kysely<Database>, id: string) {
  return db.selectFrom('conversations').select(['site_id', 'environment', 'status', 'last_seq']).where('id', '=', id).executeTakeFirst();
}
