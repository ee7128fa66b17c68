// The dashboard's facts about a handoff, written in the same transaction as the handoff itself
// (record-handoff.ts) and the agent's first reply (agent-actions.ts), so a dashboard load reads
// small rows instead of parsing packages and scanning a million message events.
import type { Transaction } from 'kysely';
import { handoffPackage } from '../../shared/index.ts';
import type { Database, HandoffReasonsTable } from '../db/database.ts';
import { dashboardTrx } from './dashboard-database.ts';

export interface HandoffFacts {
  intent: string | null;
  reasons: Array<Pick<HandoffReasonsTable, 'source' | 'source_id' | 'reason' | 'name'>>;
}

/** The intent and reasons of a stored package; a package that no longer parses has neither. */
export function handoffFactsOf(pkg: unknown): HandoffFacts {
  const parsed = handoffPackage.safeParse(pkg);
  if (!parsed.success) return { intent: null, reasons: [] };
  return {
    intent: parsed.data.intent?.name ?? null,
    reasons: parsed.data.reasons.map((r) => ({ source: r.source, source_id: r.id ?? '', reason: r.reason, name: r.name })),
  };
}

/** Stores the facts of a new handoff (its row is already inserted) and flags its conversation as handed off. */
export async function recordHandoffFacts(outer: Transaction<Database>, o: { handoffId: string; conversationId: string; queue: string; createdAt: string; pkg: unknown }): Promise<void> {
  const trx = dashboardTrx(outer);
  const c = await trx
    .selectFrom('conversations')
    .select(['site_id', 'flow_id', 'version_id', 'channel', 'created_at', 'handed_off'])
    .where('id', '=', o.conversationId)
    .executeTakeFirstOrThrow();
  const dims = {
    conversation_id: o.conversationId,
    site_id: c.site_id,
    flow_id: c.flow_id,
    version_id: c.version_id,
    channel: c.channel,
    conversation_created_at: c.created_at,
    queue: o.queue,
  };
  const facts = handoffFactsOf(o.pkg);
  await trx.insertInto('handoff_facts').values({ handoff_id: o.handoffId, ...dims, created_at: o.createdAt, intent: facts.intent, first_response_at: null }).execute();
  if (facts.reasons.length > 0) {
    await trx
      .insertInto('handoff_reasons')
      .values(facts.reasons.map((r) => ({ handoff_id: o.handoffId, ...dims, ...r })))
      .execute();
  }
  if (Number(c.handed_off) !== 1) await trx.updateTable('conversations').set({ handed_off: 1 }).where('id', '=', o.conversationId).execute();
}

/** Notes an agent's message on a handoff; only the first one counts as the response. */
export async function recordAgentResponse(trx: Transaction<Database>, o: { handoffId: string; at: string }): Promise<void> {
  await trx.updateTable('handoff_facts').set({ first_response_at: o.at }).where('handoff_id', '=', o.handoffId).where('first_response_at', 'is', null).execute();
}
