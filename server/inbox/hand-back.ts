// "Hand back to the bot": the agent returns a conversation they hold to its flow at a node of the
// version it is pinned to. One commit: the conversation is active again at that node (the
// customer sees "back with the assistant" and whatever the bot says next, live), and the handoff
// is resolved with outcome `handed_back`. If the flow escalates again at once, that is a new
// handoff, as on any turn.
import type { AppDeps } from '../trpc/context.ts';
import { fail, type Result } from '../failure.ts';
import { callAction } from '../site-api/actions/call-action.ts';
import { beforeEffect } from '../site-api/conversations/conversation-writer.ts';
import { recordEnd, recordHandoff } from '../site-api/conversations/record-handoff.ts';
import { runHandBack } from '../site-api/conversations/run-engine.ts';
import { handoffView, turnEvents } from '../site-api/conversations/turn-events.ts';
import { redactRun } from '../site-api/privacy/redact-turn.ts';
import { handoffPackage } from '../../shared/index.ts';
import { changeHandoff, closeHandoff, holding, type AgentRef } from './agent-actions.ts';

export interface HandedBack {
  /** The conversation's status after the bot ran from the node (`escalated` again if it handed over at once). */
  status: 'active' | 'escalated' | 'ended';
  resolvedAt: string;
}

export async function handBackToBot(deps: AppDeps, o: { handoffId: string; nodeId: string; agent: AgentRef; now: Date }): Promise<Result<HandedBack>> {
  const rt = deps.site;
  if (!rt) return fail('PRECONDITION_FAILED', 'Handing back needs the site runtime, and this server process does not run one.');
  return changeHandoff<HandedBack>(deps, o.handoffId, async (current, h) => {
    const held = holding(h, o.agent);
    if (!held.ok) return held;
    if (current.row.status !== 'escalated') return fail('CONFLICT', `The conversation is ${current.row.status}, not waiting for a person.`);
    const compiled = await rt.flows.get(current.row.version_id);
    if (!compiled.ok) return fail('PRECONDITION_FAILED', `The flow version of this conversation cannot run right now: ${compiled.message}`);
    const handed = await runHandBack(
      {
        flow: compiled.flow,
        host: rt.host,
        maxActions: rt.options.maxActionsPerTurn,
        perform: async (action) => {
          await beforeEffect(current);
          return callAction(
            {
              db: rt.db,
              fetch: rt.fetch,
              siteId: current.row.site_id,
              conversationId: current.row.id,
              flowId: current.row.flow_id,
              nowMs: () => rt.clock.now().getTime(),
              timeoutCapMs: rt.options.actionTimeoutCapMs,
            },
            action,
          );
        },
      },
      current.state,
      o.nodeId,
    );
    if (!handed.ok) return fail('BAD_REQUEST', `nodeId: ${handed.problem.message}`);
    const run = redactRun(compiled.flow, handed.run, current.state.transcript.length);
    const planned = turnEvents(current.state, run);
    const at = o.now.toISOString();
    const closed = handoffView(handoffPackage.parse(JSON.parse(h.package)), 'resolved', o.agent.name);
    return {
      ok: true,
      result: { status: run.state.status, resolvedAt: at },
      write: {
        state: run.state,
        // The status change first, so the widget shows the bot as back before its messages.
        events: [{ type: 'status', status: 'active', outcome: null, handoff: closed }, ...planned.events],
        queuesWebhooks: planned.handoff !== null || planned.ended,
        also: async (trx) => {
          await closeHandoff(trx, { handoffId: o.handoffId, agentId: o.agent.id, at, outcome: 'handed_back' });
          const base = { conversationId: current.row.id, siteId: current.row.site_id, now: o.now };
          if (planned.handoff) await recordHandoff(trx, { ...base, flowId: current.row.flow_id, versionId: current.row.version_id, pkg: planned.handoff });
          if (planned.ended) await recordEnd(trx, { ...base, outcome: run.state.outcome });
        },
      },
    };
  });
}
