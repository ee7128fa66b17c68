// Runs the engine for one turn, performing the effects it asks for: each `action` output is
// carried out (the site's webhook is called) and its result fed back as the next event, until
// the flow waits for the customer again. Bounded, so a flow cannot call webhooks forever.
import type { ConversationState } from '../../../shared/index.ts';
import { handBack, start, step, type CompiledFlow, type HandBackProblem, type EngineEvent, type EngineHost, type EngineOutput, type StartOptions, type StepResult, type TurnTrace } from '../../../runtime/index.ts';

export interface EngineRun {
  state: ConversationState;
  outputs: EngineOutput[];
  traces: TurnTrace[];
}

type ActionOutput = Extract<EngineOutput, { type: 'action' }>;
type ActionResult = Extract<EngineEvent, { type: 'action_result' }>;

export interface RunOptions {
  flow: CompiledFlow;
  host: EngineHost;
  perform: (action: ActionOutput) => Promise<ActionResult>;
  /** Action calls allowed in this turn. */
  maxActions: number;
}

/** Starts a conversation, performing effects. */
export function runStart(o: RunOptions, options: StartOptions): Promise<EngineRun> {
  return settle(o, start(o.flow, options, o.host));
}

/** Applies one event, performing effects. */
export function runStep(o: RunOptions, state: ConversationState, event: EngineEvent): Promise<EngineRun> {
  return settle(o, step(o.flow, state, event, o.host));
}

/** Hands an escalated conversation back to the bot at a node (runtime/engine/hand-back.ts), performing effects. */
export async function runHandBack(o: RunOptions, state: ConversationState, nodeId: string): Promise<{ ok: true; run: EngineRun } | { ok: false; problem: HandBackProblem }> {
  const first = handBack(o.flow, state, { nodeId }, o.host);
  if (!first.ok) return first;
  return { ok: true, run: await settle(o, first.result) };
}

async function settle(o: RunOptions, first: StepResult): Promise<EngineRun> {
  const run: EngineRun = { state: first.state, outputs: [...first.outputs], traces: [first.trace] };
  let last = first;
  for (let calls = 0; ; calls++) {
    const action = last.outputs.find((out): out is ActionOutput => out.type === 'action');
    if (!action) break;
    const result: ActionResult =
      calls < o.maxActions ? await o.perform(action) : { type: 'action_result', requestId: action.requestId, ok: false, error: `more than ${o.maxActions} actions in one turn` };
    last = step(o.flow, run.state, result, o.host);
    run.state = last.state;
    run.outputs.push(...last.outputs);
    run.traces.push(last.trace);
  }
  return run;
}
