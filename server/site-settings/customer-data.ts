// Data-subject requests for one customer of a site (the `sub` of their signed customer data):
// export everything stored about them, or delete it. Deletion is audited with a hash of the
// customer id, so the audit log does not keep the identifier it was asked to forget.
import type { Kysely } from 'kysely';
import type { CustomerExport } from '../../shared/api/site-settings.ts';
import type { ActorRef } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { sha256Hex } from '../crypto/digest.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { parseStoredState, withTranscript } from '../site-api/conversations/conversation-store.ts';

export async function exportCustomer(db: Kysely<Database>, o: { siteId: string; customerId: string; now: Date }): Promise<Result<CustomerExport>> {
  const site = await db.selectFrom('sites').select('id').where('id', '=', o.siteId).executeTakeFirst();
  if (!site) return fail('NOT_FOUND', `There is no site "${o.siteId}".`);
  const rows = await db
    .selectFrom('conversations')
    .select(['id', 'flow_id', 'status', 'created_at', 'state', 'last_seq', 'csat_score', 'csat_comment'])
    .where('site_id', '=', o.siteId)
    .where('customer_id', '=', o.customerId)
    .orderBy('created_at')
    .execute();
  const handoffs = rows.length
    ? await db.selectFrom('handoffs').select(['conversation_id', 'queue', 'priority', 'status', 'created_at']).where('conversation_id', 'in', rows.map((r) => r.id)).execute()
    : [];
  return ok({
    siteId: o.siteId,
    customerId: o.customerId,
    exportedAt: o.now.toISOString(),
    conversations: await Promise.all(rows.map(async (r) => {
      const state = await withTranscript(db, { id: r.id, last_seq: r.last_seq }, parseStoredState(r.id, r.state));
      return {
        conversationId: r.id,
        flowId: r.flow_id,
        status: r.status,
        createdAt: r.created_at,
        customer: state.customer,
        variables: state.vars,
        messages: state.transcript.map((t) => ({ role: t.role, text: t.text, at: new Date(t.at).toISOString() })),
        handoffs: handoffs.filter((h) => h.conversation_id === r.id).map((h) => ({ queue: h.queue, priority: h.priority, status: h.status, createdAt: h.created_at })),
        csat: r.csat_score === null ? null : { score: Number(r.csat_score), comment: r.csat_comment },
      };
    })),
  });
}

/** Deletes every conversation of the customer (events, turns and handoffs with them). */
export async function deleteCustomer(db: Kysely<Database>, o: { siteId: string; customerId: string; actor: ActorRef; now: Date }): Promise<Result<{ conversations: number }>> {
  const site = await db.selectFrom('sites').select('id').where('id', '=', o.siteId).executeTakeFirst();
  if (!site) return fail('NOT_FOUND', `There is no site "${o.siteId}".`);
  const deleted = await db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('conversations').where('site_id', '=', o.siteId).where('customer_id', '=', o.customerId).executeTakeFirst();
    const n = Number(result.numDeletedRows);
    await appendAudit(trx, {
      actor: o.actor,
      action: 'customer.delete',
      targetType: 'customer',
      targetId: sha256Hex(`${o.siteId}:${o.customerId}`),
      details: { siteId: o.siteId, conversations: n },
      at: o.now,
    });
    return n;
  });
  return ok({ conversations: deleted });
}
