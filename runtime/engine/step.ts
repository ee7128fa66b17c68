// One turn: apply an event to a conversation's state. Pure given its inputs (the clock comes from
// the host); never throws on user input; the state it returns survives a JSON round trip.
import type { ConversationState } from '../../shared/index.ts';
import type { CompiledFlow } from '../compiled-flow.ts';
import { asksForHuman } from './human-request.ts';
import { evaluatePolicy } from './policy.ts';
import { follow, resumeAt, runFrom } from './run-nodes.ts';
import { Turn } from './turn.ts';
import type { EngineEvent, EngineHost, StepResult } from './types.ts';
import { cleanMessage } from './clean-message.ts';
import { cloneJson } from './clone-json.ts';

export function step(flow: CompiledFlow, previous: ConversationState, event: EngineEvent, host: EngineHost): StepResult {
  const state = copyState(previous);
  const turn = new Turn(flow, state, host, event.type);
  applyEvent(turn, event);
  turn.trace.turn = state.conversation.turns;
  turn.trace.steps = turn.steps;
  return { state, outputs: turn.outputs, trace: turn.trace };
}

/** Changes the turn's draft state, outputs and trace as the event demands. */
function applyEvent(turn: Turn, event: EngineEvent): void {
  const { flow, state } = turn;
  if (event.type === 'message') {
    const { text, notes } = cleanMessage(event.text);
    turn.text = text;
    turn.trace.notes.push(...notes);
    state.conversation.turns++;
    state.transcript.push({ role: 'user', text, at: turn.now() });
  }
  if (state.status !== 'active') {
    turn.trace.notes.push(`conversation is ${state.status}; the bot does not answer`);
    return;
  }
  if (event.type === 'request_human' || (event.type === 'message' && asksForHuman(turn.text))) {
    turn.systemHandoff('customer_request', 'The customer asked for a person');
    return;
  }

  const waiting = state.waiting;
  const node = waiting ? flow.nodes.get(waiting.nodeId) : undefined;
  const expectsEffect = waiting?.kind === 'effect';
  if (!waiting || !node) {
    turn.trace.notes.push('the conversation was not waiting for anything');
    return;
  }
  if (event.type === 'action_result') {
    if (!expectsEffect || event.requestId !== waiting.requestId) {
      turn.trace.notes.push(`ignored a result for ${event.requestId}: not the request the conversation waits for`);
      return;
    }
    const next = follow(turn, node, resumeAt(turn, node, event));
    if (next !== undefined) runFrom(turn, next);
    return;
  }
  if (expectsEffect) {
    turn.trace.notes.push('message arrived while an action was running; it is kept in the transcript');
    return;
  }

  // The message is applied to the waiting node (classified, or stored as an answer), then the
  // escalation policy sees the updated context before the flow moves on.
  const outcome = resumeAt(turn, node, { type: 'message', text: turn.text });
  const matched = state.status === 'active' ? evaluatePolicy(turn) : [];
  if (matched.length > 0) {
    turn.trace.nodes.push({ id: node.id, type: node.type, port: null });
    turn.retractMessages();
    turn.escalate(matched);
    return;
  }
  const next = follow(turn, node, outcome);
  if (next !== undefined) runFrom(turn, next);
}

/**
 * A copy the turn may change without touching `previous`. Transcript entries and a handoff
 * package are never changed once written, and `customer` is read-only, so they are shared;
 * everything the executors write to is copied.
 */
function copyState(previous: ConversationState): ConversationState {
  return {
    ...previous,
    waiting: previous.waiting && (previous.waiting.kind === 'input' ? { ...previous.waiting, candidates: [...previous.waiting.candidates] } : { ...previous.waiting }),
    vars: cloneJson(previous.vars),
    nlu: previous.nlu && { ...previous.nlu, ranking: [...previous.nlu.ranking] },
    kb: previous.kb && { ...previous.kb },
    conversation: { ...previous.conversation },
    transcript: [...previous.transcript],
  };
}
