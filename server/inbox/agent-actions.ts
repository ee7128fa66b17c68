// What an agent does with a handoff — claim it, reply to the customer, resolve it — each as one
// change to the conversation (state, event, handoff row in one transaction), so the widget sees
// "Alex joined", the reply and the end live over its event stream. Claiming is atomic: of two
// agents racing, exactly one gets it.
import type { Kysely, Transaction } from 'kysely';
import type { Database, HandoffsTable } from '../db/database.ts';
import type { AppDeps } from '../trpc/context.ts';
import { fail, ok, type Failure, type Result } from '../failure.ts';
import { plainWriter, LostRace, updateConversation, type ConversationWriter, type Plan } from '../site-api/conversations/conversation-writer.ts';
import type { StoredConversation } from '../site-api/conversations/conversation-store.ts';
import { recordEnd } from '../site-api/conversations/record-handoff.ts';
import { handoffView } from '../site-api/conversations/turn-events.ts';
import { handoffPackage } from '../../shared/index.ts';
import { recordAgentResponse } from '../dashboard/handoff-facts.ts';

export interface AgentRef {
  id: string;
  name: string;
}

const busy: Failure = { code: 'CONFLICT', message: 'The conversation was changing too fast; try again.' };
const missing: Failure = { code: 'NOT_FOUND', message: 'The conversation of this handoff no longer exists.' };

function writerOf(deps: AppDeps): ConversationWriter {
  return deps.site?.writer ?? plainWriter(deps);
}

async function handoffRow(db: Kysely<Database>, handoffId: string) {
  return db.selectFrom('handoffs').selectAll().where('id', '=', handoffId).executeTakeFirst();
}

export type HandoffRow = NonNullable<Awaited<ReturnType<typeof handoffRow>>>;

/**
 * One change to a handoff's conversation: finds the conversation, then plans the write under its
 * lock with the handoff row read again, so a concurrent change is seen.
 */
export async function changeHandoff<T>(
  deps: AppDeps,
  handoffId: string,
  plan: (current: StoredConversation, handoff: HandoffRow) => Promise<Plan<T, Failure>>,
): Promise<Result<T>> {
  const first = await handoffRow(deps.db, handoffId);
  if (!first) return fail('NOT_FOUND', 'There is no such handoff.');
  return updateConversation<T, Failure>(writerOf(deps), first.conversation_id, {
    missing,
    busy,
    plan: async (current) => {
      const h = await handoffRow(deps.db, handoffId);
      if (!h) return fail('NOT_FOUND', 'There is no such handoff.');
      return plan(current, h);
    },
  });
}

/** Claims a waiting handoff for `agent`; CONFLICT when someone else was first or it is resolved. */
export async function claimHandoff(deps: AppDeps, o: { handoffId: string; agent: AgentRef; now: Date }): Promise<Result<{ claimedAt: string }>> {
  return changeHandoff<{ claimedAt: string }>(deps, o.handoffId, async (current, h) => {
    if (h.status === 'resolved') return fail('CONFLICT', 'This handoff is already resolved.');
    if (h.status === 'assigned') {
      if (h.claimed_by === o.agent.id) return { ok: true, result: { claimedAt: h.claimed_at ?? '' }, write: null };
      const who = await deps.db.selectFrom('users').select('name').where('id', '=', h.claimed_by ?? '').executeTakeFirst();
      return fail('CONFLICT', `${who?.name ?? 'Another agent'} already took this conversation.`);
    }
    const at = o.now.toISOString();
    const view = handoffView(handoffPackage.parse(JSON.parse(h.package)), 'assigned', o.agent.name);
    return {
      ok: true,
      result: { claimedAt: at },
      write: {
        state: current.state,
        events: [{ type: 'status', status: current.state.status, outcome: current.state.outcome, handoff: view }],
        also: async (trx) => {
          const r = await trx
            .updateTable('handoffs')
            .set({ status: 'assigned', claimed_by: o.agent.id, claimed_at: at })
            .where('id', '=', o.handoffId)
            .where('status', '=', 'waiting')
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw new LostRace();
        },
      },
    };
  });
}

/** Checks the agent holds the handoff. */
export function holding(h: { status: string; claimed_by: string | null }, agent: AgentRef): Result<void> {
  if (h.status === 'resolved') return fail('CONFLICT', 'This handoff is already resolved.');
  if (h.status === 'waiting') return fail('PRECONDITION_FAILED', 'Claim this conversation before replying or resolving it.');
  if (h.claimed_by !== agent.id) return fail('CONFLICT', 'Another agent has this conversation.');
  return ok(undefined);
}

/** Marks the handoff, held by an agent, resolved with `outcome`; a concurrent change loses the race. */
export async function closeHandoff(trx: Transaction<Database>, o: { handoffId: string; agentId: string; at: string; outcome: NonNullable<HandoffsTable['outcome']> }): Promise<void> {
  const r = await trx
    .updateTable('handoffs')
    .set({ status: 'resolved', resolved_by: o.agentId, resolved_at: o.at, outcome: o.outcome })
    .where('id', '=', o.handoffId)
    .where('status', '=', 'assigned')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new LostRace();
}

/** Sends the agent's message to the customer (it reaches the widget over its event stream). */
export async function replyToCustomer(deps: AppDeps, o: { handoffId: string; text: string; agent: AgentRef; now: Date }): Promise<Result<{ eventId: number }>> {
  return changeHandoff<{ eventId: number }>(deps, o.handoffId, async (current, h) => {
    const held = holding(h, o.agent);
    if (!held.ok) return held;
    const at = o.now.getTime();
    const state = { ...current.state, transcript: [...current.state.transcript, { role: 'agent' as const, text: o.text, at }] };
    return {
      ok: true,
      result: { eventId: current.row.last_seq + 1 },
      write: {
        state,
        events: [{ type: 'message', role: 'agent', text: o.text, author: o.agent.name, at: o.now.toISOString() }],
        also: (trx) => recordAgentResponse(trx, { handoffId: o.handoffId, at: o.now.toISOString() }),
      },
    };
  });
}

/** Resolves the handoff and ends the conversation (the widget then asks for a rating). */
export async function resolveHandoff(
  deps: AppDeps,
  o: { handoffId: string; outcome: 'resolved' | 'abandoned'; agent: AgentRef; now: Date },
): Promise<Result<{ resolvedAt: string }>> {
  return changeHandoff<{ resolvedAt: string }>(deps, o.handoffId, async (current, h) => {
    const held = holding(h, o.agent);
    if (!held.ok) return held;
    const at = o.now.toISOString();
    const state = { ...current.state, status: 'ended' as const, outcome: o.outcome, waiting: null };
    const view = handoffView(handoffPackage.parse(JSON.parse(h.package)), 'resolved', o.agent.name);
    return {
      ok: true,
      result: { resolvedAt: at },
      write: {
        state,
        events: [{ type: 'status', status: 'ended', outcome: o.outcome, handoff: view }],
        queuesWebhooks: true,
        also: async (trx) => {
          await closeHandoff(trx, { handoffId: o.handoffId, agentId: o.agent.id, at, outcome: o.outcome });
          await recordEnd(trx, { conversationId: h.conversation_id, siteId: h.site_id, outcome: o.outcome, now: o.now });
        },
      },
    };
  });
}
