// "Alex is typing…" in the customer's widget: the agent holding a handoff tells its conversation's
// event streams, on every server process, that they are writing. Nothing is stored: the inbox
// sends it again every few seconds while the agent types, and the widget lets it lapse.
import type { AppDeps } from '../trpc/context.ts';
import { fail, ok, type Result } from '../failure.ts';
import { holding, type AgentRef } from './agent-actions.ts';

/** `delivered` is false when this server runs no site runtime (no stream could hear it). */
export async function agentTyping(deps: AppDeps, o: { handoffId: string; agent: AgentRef }): Promise<Result<{ delivered: boolean }>> {
  const h = await deps.db.selectFrom('handoffs').select(['conversation_id', 'status', 'claimed_by']).where('id', '=', o.handoffId).executeTakeFirst();
  if (!h) return fail('NOT_FOUND', 'There is no such handoff.');
  const held = holding(h, o.agent);
  if (!held.ok) return held;
  deps.site?.signal(h.conversation_id, { type: 'typing', role: 'agent', author: o.agent.name });
  return ok({ delivered: deps.site !== undefined });
}
