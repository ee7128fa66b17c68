// Stored site conversations as replay cases: the customer's messages in order, the customer
// fields and channel the site passed, and — when an agent labelled the handoff — whether a human
// was needed and which intent was right.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { jsonObjectSchema } from '../../shared/index.ts';
import type { ReplayCase } from '../../runtime/evaluation/compare-versions.ts';
import type { Database } from '../db/database.ts';
import { eventPayload } from '../site-api/conversations/conversation-event.ts';

/** Just what a replay needs from the stored engine state; the rest is not read. */
const storedState = z.object({ customer: jsonObjectSchema.catch({}) }).catch({ customer: {} });

const CHUNK = 500;

/** The newest `limit` conversations of a flow started in [from, to), newest first; those without a customer message are left out. */
export async function storedReplayCases(db: Kysely<Database>, o: { flowId: string; from: string; to: string; limit: number }): Promise<ReplayCase[]> {
  const conversations = await db
    .selectFrom('conversations')
    .select(['id', 'state', 'channel'])
    .where('flow_id', '=', o.flowId)
    .where('created_at', '>=', o.from)
    .where('created_at', '<', o.to)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(o.limit)
    .execute();
  const messages = new Map<string, string[]>();
  const labels = new Map<string, { shouldEscalate: boolean; expectedIntent?: string }>();
  for (let i = 0; i < conversations.length; i += CHUNK) {
    const ids = conversations.slice(i, i + CHUNK).map((c) => c.id);
    const events = await db
      .selectFrom('conversation_events')
      .select(['conversation_id', 'payload'])
      .where('conversation_id', 'in', ids)
      .where('type', '=', 'message')
      .orderBy('conversation_id')
      .orderBy('seq')
      .execute();
    for (const e of events) {
      const payload = eventPayload.parse(JSON.parse(e.payload));
      if (payload.type !== 'message' || payload.role !== 'user') continue;
      const list = messages.get(e.conversation_id) ?? [];
      list.push(payload.text);
      messages.set(e.conversation_id, list);
    }
    const labelled = await db
      .selectFrom('handoff_labels')
      .select(['conversation_id', 'escalation_needed', 'correct_intent'])
      .where('conversation_id', 'in', ids)
      .orderBy('labelled_at')
      .execute();
    for (const l of labelled) {
      if (labels.has(l.conversation_id)) continue;
      labels.set(l.conversation_id, { shouldEscalate: Number(l.escalation_needed) === 1, ...(l.correct_intent ? { expectedIntent: l.correct_intent } : {}) });
    }
  }
  return conversations.flatMap((c) => {
    const said = messages.get(c.id);
    if (!said || said.length === 0) return [];
    return [{ id: c.id, messages: said, customer: storedState.parse(JSON.parse(c.state)).customer, channel: c.channel, label: labels.get(c.id) ?? null }];
  });
}
