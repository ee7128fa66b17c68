// A small, fixed set of conversations and handoffs whose dashboard figures are worked out by hand
// (the comments say how), shared by the unit tests of the definitions and the SQL tests, which
// store the same set through the real handoff write path.
import type { Kysely } from 'kysely';
import type { HandoffPackage } from '../../shared/index.ts';
import type { Database } from '../../server/db/database.ts';
import { recordHandoff } from '../../server/site-api/conversations/record-handoff.ts';
import { recordAgentResponse } from '../../server/dashboard/handoff-facts.ts';
import { recordReturn } from '../../server/dashboard/repeat-contact.ts';
import type { ConversationFact, DashboardFacts, HandoffFact } from '../../server/dashboard/metric-definitions.ts';

type Reason = HandoffFact['reasons'][number];
const bigTransfer: Reason = { source: 'rule', sourceId: 'big-transfer', reason: 'high_financial_risk', name: 'Large unrecognised transfer' };
const vip: Reason = { source: 'rule', sourceId: 'vip-complaint', reason: 'vip_customer', name: 'VIP complaint' };
const askedForHuman: Reason = { source: 'system', sourceId: '', reason: 'customer_request', name: 'Customer asked for a person' };
const lowConfidence: Reason = { source: 'rule', sourceId: 'repeated-low-confidence', reason: 'low_confidence', name: 'Bot did not understand twice' };

const base = { siteId: 'acme', flowId: 'banking', versionId: 'ver_v1', channel: 'web' } as const;

/** 2026-11-02 is a Monday. The period under test is 2026-11-02 … 2026-11-03. */
export const conversations: ConversationFact[] = [
  // contained (ended, no handoff); customer A returns 30 minutes later (c2): a repeat contact
  { ...base, id: 'c1', customerId: 'A', status: 'ended', csatScore: 5, createdAt: '2026-11-02T09:10:00.000Z' },
  // escalated with two rule reasons, answered after 2 min, resolved after 20 min, labelled needed
  { ...base, id: 'c2', customerId: 'A', status: 'ended', csatScore: 2, createdAt: '2026-11-02T09:40:00.000Z' },
  // escalated on request (a system reason, no intent), still waiting; customer B returns the next day (c6)
  { ...base, id: 'c3', customerId: 'B', status: 'escalated', csatScore: null, createdAt: '2026-11-02T14:00:00.000Z', channel: 'whatsapp' },
  // still talking to the bot: undecided
  { ...base, id: 'c4', customerId: null, status: 'active', csatScore: null, createdAt: '2026-11-03T10:00:00.000Z' },
  // handed back to the bot after an agent answered: active, but escalated; labelled not needed
  { ...base, id: 'c5', customerId: 'C', status: 'active', csatScore: null, createdAt: '2026-11-03T10:30:00.000Z' },
  // abandoned without a handoff: contained; on version 2
  { ...base, id: 'c6', customerId: 'B', status: 'ended', csatScore: null, createdAt: '2026-11-03T23:00:00.000Z', versionId: 'ver_v2' },
  // after the period: C's return 6 days 21.5 hours after c5 (within 7 days)
  { ...base, id: 'c7', customerId: 'C', status: 'ended', csatScore: null, createdAt: '2026-11-10T08:00:00.000Z' },
  // before the period
  { ...base, id: 'c8', customerId: 'A', status: 'ended', csatScore: 1, createdAt: '2026-11-01T23:59:00.000Z' },
];

export const handoffs: HandoffFact[] = [
  {
    id: 'h1',
    conversationId: 'c2',
    queue: 'fraud',
    createdAt: '2026-11-02T09:45:00.000Z',
    firstResponseAt: '2026-11-02T09:47:00.000Z',
    resolvedAt: '2026-11-02T10:05:00.000Z',
    intent: 'transfer_not_recognised',
    reasons: [bigTransfer, vip],
    escalationNeeded: true,
  },
  { id: 'h2', conversationId: 'c3', queue: 'general', createdAt: '2026-11-02T14:02:00.000Z', firstResponseAt: null, resolvedAt: null, intent: null, reasons: [askedForHuman], escalationNeeded: null },
  {
    id: 'h3',
    conversationId: 'c5',
    queue: 'general',
    createdAt: '2026-11-03T10:32:00.000Z',
    firstResponseAt: '2026-11-03T10:33:00.000Z',
    resolvedAt: '2026-11-03T10:40:00.000Z',
    intent: 'pin_blocked',
    reasons: [lowConfidence],
    escalationNeeded: false,
  },
];

export const facts: DashboardFacts = { conversations, handoffs };

export const period = { from: '2026-11-02', to: '2026-11-03' };

function packageOf(h: HandoffFact, c: ConversationFact): HandoffPackage {
  return {
    schemaVersion: 1,
    conversationId: c.id,
    flow: { id: c.flowId, version: c.versionId },
    queue: h.queue,
    priority: 'normal',
    reasons: h.reasons.map((r) => ({ source: r.source, ...(r.sourceId ? { id: r.sourceId } : {}), name: r.name, reason: r.reason, priority: 'normal', queue: h.queue, tags: [] })),
    intent: h.intent === null ? null : { name: h.intent, confidence: 0.8, alternatives: [] },
    variables: {},
    customer: {},
    tags: [],
    summary: 'test',
    transcript: [],
    channel: c.channel,
    locale: 'en',
    startedAt: Date.parse(c.createdAt),
    escalatedAt: Date.parse(h.createdAt),
  };
}

/**
 * Stores the fixture: site, flow and versions, conversations as rows, handoffs through the real
 * `recordHandoff` (which writes the facts), agent replies through `recordAgentResponse`, labels
 * as the inbox would. Handoff ids are generated; the returned map gives them by fixture id.
 */
export async function seedFixture(db: Kysely<Database>, o: { labeller: string }): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    const at = '2026-11-01T00:00:00.000Z';
    await trx.insertInto('sites').values({ id: 'acme', name: 'Acme', created_at: at, created_by: null }).execute();
    await trx.insertInto('flows').values({ id: 'banking', name: 'Banking', created_at: at, created_by: null }).execute();
    for (const [id, number] of [['ver_v1', 1], ['ver_v2', 2]] as const) {
      await trx
        .insertInto('versions')
        .values({ id, flow_id: 'banking', number, document: '{}', content_hash: 'x', policy_hash: 'x', author_id: null, message: '', parent_id: null, created_at: at })
        .execute();
    }
    for (const c of conversations) {
      await trx
        .insertInto('conversations')
        .values({
          id: c.id,
          site_id: c.siteId,
          environment: 'production',
          flow_id: c.flowId,
          version_id: c.versionId,
          status: c.status,
          outcome: c.status === 'ended' ? 'resolved' : null,
          state: '{}',
          revision: 1,
          last_seq: 0,
          customer_id: c.customerId,
          customer_verified: 0,
          channel: c.channel,
          locale: 'en',
          csat_score: c.csatScore,
          csat_comment: null,
          created_at: c.createdAt,
          updated_at: c.createdAt,
        })
        .execute();
      // As the conversation writer does when it stores a new conversation (rows here go in out of order).
      await recordReturn(trx, { id: c.id, site_id: c.siteId, customer_id: c.customerId, created_at: c.createdAt });
    }
    for (const h of handoffs) {
      const c = conversations.find((x) => x.id === h.conversationId)!;
      const id = await recordHandoff(trx, { conversationId: c.id, siteId: c.siteId, flowId: c.flowId, versionId: c.versionId, pkg: packageOf(h, c), now: new Date(h.createdAt) });
      ids.set(h.id, id);
      if (h.firstResponseAt) await recordAgentResponse(trx, { handoffId: id, at: h.firstResponseAt });
      // A later reply is not the first response.
      if (h.firstResponseAt) await recordAgentResponse(trx, { handoffId: id, at: '2026-11-05T00:00:00.000Z' });
      if (h.resolvedAt) {
        await trx.updateTable('handoffs').set({ status: 'resolved', claimed_by: o.labeller, claimed_at: h.createdAt, resolved_by: o.labeller, resolved_at: h.resolvedAt, outcome: 'resolved' }).where('id', '=', id).execute();
      }
      if (h.escalationNeeded !== null) await addLabel(trx, { handoffId: id, conversationId: c.id, needed: h.escalationNeeded, labeller: o.labeller });
    }
  });
  return ids;
}

/** An agent's label on a handoff, as the inbox stores it. */
export async function addLabel(db: Kysely<Database>, o: { handoffId: string; conversationId: string; needed: boolean; labeller: string }): Promise<void> {
  await db
    .insertInto('handoff_labels')
    .values({
      handoff_id: o.handoffId,
      conversation_id: o.conversationId,
      escalation_needed: o.needed ? 1 : 0,
      correct_intent: null,
      example_text: null,
      suggestion_status: null,
      labelled_by: o.labeller,
      labelled_at: '2026-11-04T00:00:00.000Z',
    })
    .execute();
}
