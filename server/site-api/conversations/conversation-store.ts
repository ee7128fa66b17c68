// Reading conversations back: the row, and its engine state parsed again with the shared schema
// (stored data is re-validated, never trusted).
import type { Kysely, Selectable } from 'kysely';
import { conversationState, type ConversationState } from '../../../shared/index.ts';
import type { ConversationsTable, Database } from '../../db/database.ts';

export type ConversationRow = Selectable<ConversationsTable>;

export interface StoredConversation {
  row: ConversationRow;
  state: ConversationState;
}

export class CorruptConversationError extends Error {}

export async function loadConversation(db: Kysely<Database>, id: string): Promise<StoredConversation | undefined> {
  const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const parsed = conversationState.safeParse(JSON.parse(row.state));
  if (!parsed.success) throw new CorruptConversationError(`Conversation ${id}: stored state no longer parses (${parsed.error.issues[0]?.message}).`);
  return { row: { ...row, revision: Number(row.revision), last_seq: Number(row.last_seq) }, state: parsed.data };
}

/** The conversation's site, environment and status, or undefined; the cheap check before anything else. */
export async function conversationOwner(db: Kysely<Database>, id: string) {
  return db.selectFrom('conversations').select(['site_id', 'environment', 'status', 'last_seq']).where('id', '=', id).executeTakeFirst();
}
