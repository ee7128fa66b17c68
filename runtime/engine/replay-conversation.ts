// Runs a scripted conversation through the engine: the shared core of `switchboard replay`,
// golden tests, threshold tuning and benchmarks. Action effects are answered by the caller's
// responder, synchronously, so it stays free of I/O.
import type { ConversationState, Json } from '../../shared/index.ts';
import type { CompiledFlow } from '../compiled-flow.ts';
import { start } from './start.ts';
import { step } from './step.ts';
import type { EngineHost, EngineOutput, StartOptions, StepResult, TurnTrace } from './types.ts';

export type ActionResponder = (action: string, input: Record<string, Json>) => { ok: true; data: Json } | { ok: false; error: string };

/** Without a responder every action fails, which sends the flow down its `error` port. */
export const noActions: ActionResponder = (action) => ({ ok: false, error: `no webhook is configured for "${action}"` });

export interface ReplayedTurn {
  user: string;
  bot: string[];
  status: ConversationState['status'];
  /** The intent the flow acted on (routed on, or escalated for); null when it clarified or did not understand. */
  intent: string | null;
  confidence: number | null;
  handoff: null | { queue: string; priority: string; reasons: string[] };
  traces: TurnTrace[];
}

export interface ReplayResult {
  opening: string[];
  turns: ReplayedTurn[];
  state: ConversationState;
}

/** Feeds results of action effects back until the turn settles. */
function settle(flow: CompiledFlow, result: StepResult, host: EngineHost, respond: ActionResponder): { state: ConversationState; outputs: EngineOutput[]; traces: TurnTrace[] } {
  const outputs = [...result.outputs];
  const traces = [result.trace];
  let state = result.state;
  for (let guard = 0; guard < 20; guard++) {
    const action = result.outputs.find((o) => o.type === 'action');
    if (!action || action.type !== 'action') break;
    result = step(flow, state, { type: 'action_result', requestId: action.requestId, ...respond(action.action, action.input) }, host);
    state = result.state;
    outputs.push(...result.outputs);
    traces.push(result.trace);
  }
  return { state, outputs, traces };
}

const botText = (outputs: EngineOutput[]) => outputs.flatMap((o) => (o.type === 'message' ? [o.text] : []));

export function replayConversation(
  flow: CompiledFlow,
  messages: readonly string[],
  options: StartOptions,
  host: EngineHost,
  respond: ActionResponder = noActions,
): ReplayResult {
  const opened = settle(flow, start(flow, options, host), host, respond);
  let state = opened.state;
  const turns: ReplayedTurn[] = [];
  for (const text of messages) {
    const settled = settle(flow, step(flow, state, { type: 'message', text }, host), host, respond);
    state = settled.state;
    const nlu = settled.traces.find((t) => t.nlu)?.nlu ?? null;
    const handoffOutput = settled.outputs.find((o) => o.type === 'handoff');
    const handoff = handoffOutput?.type === 'handoff' ? handoffOutput.handoff : null;
    const escalatedByRule = handoff?.reasons.some((r) => r.source === 'rule') ?? false;
    const actedOn = nlu && (nlu.accepted || (escalatedByRule && !nlu.outOfScope)) ? nlu : null;
    turns.push({
      user: text,
      bot: botText(settled.outputs),
      status: state.status,
      intent: actedOn?.intent ?? null,
      confidence: actedOn ? actedOn.confidence : null,
      handoff: handoff ? { queue: handoff.queue, priority: handoff.priority, reasons: handoff.reasons.map((r) => r.reason) } : null,
      traces: settled.traces,
    });
  }
  return { opening: botText(opened.outputs), turns, state };
}
