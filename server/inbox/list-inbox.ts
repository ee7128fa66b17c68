// The agent inbox's queue: handoffs by status and queue, highest priority first, then oldest.
import type { Kysely, Selectable } from 'kysely';
import { handoffPackage } from '../../shared/index.ts';
import type { InboxItem } from '../../shared/api/inbox.ts';
import type { Database, HandoffsTable } from '../db/database.ts';

export interface InboxFilter {
  queues?: string[] | undefined;
  status: 'open' | 'waiting' | 'assigned' | 'resolved';
  limit: number;
}

type HandoffRow = Selectable<HandoffsTable> & { agent_name: string | null };

export async function listInbox(db: Kysely<Database>, f: InboxFilter): Promise<InboxItem[]> {
  let query = handoffQuery(db)
    .orderBy('h.priority_rank', 'desc')
    .orderBy('h.created_at', 'asc')
    .orderBy('h.id')
    .limit(f.limit);
  query = f.status === 'open' ? query.where('h.status', 'in', ['waiting', 'assigned']) : query.where('h.status', '=', f.status);
  if (f.queues !== undefined) {
    if (f.queues.length === 0) return [];
    query = query.where('h.queue', 'in', f.queues);
  }
  return (await query.execute()).map(toInboxItem);
}

/** Handoffs with the claiming agent's name. */
export function handoffQuery(db: Kysely<Database>) {
  return db.selectFrom('handoffs as h').leftJoin('users as u', 'u.id', 'h.claimed_by').selectAll('h').select('u.name as agent_name');
}

export function toInboxItem(row: HandoffRow): InboxItem {
  const pkg = handoffPackage.parse(JSON.parse(row.package));
  return {
    handoffId: row.id,
    conversationId: row.conversation_id,
    siteId: row.site_id,
    flowId: row.flow_id,
    queue: row.queue,
    priority: row.priority,
    status: row.status,
    summary: pkg.summary,
    reasons: pkg.reasons.map((r) => r.name),
    createdAt: row.created_at,
    claimedBy: row.claimed_by !== null ? { id: row.claimed_by, name: row.agent_name ?? '' } : null,
    claimedAt: row.claimed_at,
  };
}

/** Every queue a handoff was sent to, alphabetically. */
export async function knownQueues(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('handoffs').select('queue').distinct().orderBy('queue').limit(500).execute();
  return rows.map((r) => r.queue);
}
