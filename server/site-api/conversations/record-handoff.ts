// Handoffs in the queue: one row per escalation (a conversation handed back to the bot and
// escalated again gets a second), queued webhooks with it, and the view the customer side sees.
import type { Kysely, Transaction } from 'kysely';
import { handoffPackage, priorityRank, type HandoffPackage } from '../../../shared/index.ts';
import type { SiteHandoff } from '../../../shared/api/site.ts';
import { newId } from '../../crypto/digest.ts';
import type { Database } from '../../db/database.ts';
import { enqueueDeliveries } from '../webhooks/enqueue-deliveries.ts';
import { recordHandoffFacts } from '../../dashboard/handoff-facts.ts';
import { handoffView } from './turn-events.ts';

/** Stores the package in its queue and queues `handoff.created` webhooks; returns the handoff id. */
export async function recordHandoff(
  trx: Transaction<Database>,
  o: { conversationId: string; siteId: string; flowId: string; versionId: string; pkg: HandoffPackage; now: Date },
): Promise<string> {
  const id = newId('hnd');
  const at = o.now.toISOString();
  await trx
    .insertInto('handoffs')
    .values({
      id,
      conversation_id: o.conversationId,
      site_id: o.siteId,
      flow_id: o.flowId,
      version_id: o.versionId,
      queue: o.pkg.queue,
      priority: o.pkg.priority,
      priority_rank: priorityRank(o.pkg.priority),
      status: 'waiting',
      package: JSON.stringify(o.pkg),
      created_at: at,
      claimed_by: null,
      claimed_at: null,
      resolved_by: null,
      resolved_at: null,
      outcome: null,
    })
    .execute();
  await recordHandoffFacts(trx, { handoffId: id, conversationId: o.conversationId, queue: o.pkg.queue, createdAt: at, pkg: o.pkg });
  await enqueueDeliveries(trx, { siteId: o.siteId, event: 'handoff.created', data: { handoffId: id, conversationId: o.conversationId, package: o.pkg }, now: o.now });
  return id;
}

/** Queues `conversation.ended` webhooks. */
export async function recordEnd(trx: Transaction<Database>, o: { conversationId: string; siteId: string; outcome: string | null; now: Date }): Promise<void> {
  await enqueueDeliveries(trx, { siteId: o.siteId, event: 'conversation.ended', data: { conversationId: o.conversationId, outcome: o.outcome }, now: o.now });
}

/** The newest handoff of a conversation as the customer side sees it, or null. */
export async function currentHandoff(db: Kysely<Database>, conversationId: string): Promise<SiteHandoff | null> {
  const row = await db
    .selectFrom('handoffs as h')
    .leftJoin('users as u', 'u.id', 'h.claimed_by')
    .select(['h.package', 'h.status', 'u.name as agent'])
    .where('h.conversation_id', '=', conversationId)
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return handoffView(handoffPackage.parse(JSON.parse(row.package)), row.status, row.agent ?? null);
}
