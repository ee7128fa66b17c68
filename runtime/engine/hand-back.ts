// An agent hands an escalated conversation back to the bot at a node of the conversation's own
// version: the bot is active again, the escalation's leftovers are cleared so the next message
// is judged afresh, and the flow runs from that node until it waits (as a turn would).
import type { ConversationState, NodeType } from '../../shared/index.ts';
import type { CompiledFlow } from '../compiled-flow.ts';
import { builtInMessages } from './messages.ts';
import { cloneJson } from './clone-json.ts';
import { runFrom } from './run-nodes.ts';
import { Turn } from './turn.ts';
import type { EngineHost, StepResult } from './types.ts';

/**
 * Node types a conversation may resume at. Not `start` (the greeting again), `handoff` (it would
 * escalate at once), `end` (resolve instead) or `answer` (it answers the customer's last message,
 * and there is none to answer on resuming).
 */
export const resumableNodeTypes = ['message', 'ask', 'intent', 'condition', 'set', 'action', 'csat'] as const satisfies readonly NodeType[];

export interface HandBackProblem {
  code: 'unknown_node' | 'not_resumable' | 'not_escalated';
  message: string;
}

/** Null when the conversation may resume at `nodeId`; else why not, in a sentence. */
export function checkResumeNode(flow: CompiledFlow, nodeId: string): HandBackProblem | null {
  const node = flow.nodes.get(nodeId);
  if (!node) return { code: 'unknown_node', message: `The flow version of this conversation has no node "${nodeId}".` };
  if (!(resumableNodeTypes as readonly string[]).includes(node.type)) {
    return {
      code: 'not_resumable',
      message: `The bot cannot resume at node "${nodeId}": it is a ${node.type} node. Pick a message, question, intent, condition, set, action or rating node.`,
    };
  }
  return null;
}

/**
 * Returns an escalated conversation to the bot at `nodeId`. The customer is told the bot is back
 * (`message`, default a built-in sentence), then the flow runs from the node. Cleared on the way:
 * the handoff package, the waiting point, the last NLU result and knowledge hit (a rule such as
 * "intent is card_lost" would otherwise fire again on the next answer to a question, which does
 * not classify), and the clarification and low-confidence counters the escalation was about.
 * Variables, customer fields and the transcript stay.
 */
export function handBack(
  flow: CompiledFlow,
  previous: ConversationState,
  o: { nodeId: string; message?: string },
  host: EngineHost,
): { ok: true; result: StepResult } | { ok: false; problem: HandBackProblem } {
  if (previous.status !== 'escalated') {
    return { ok: false, problem: { code: 'not_escalated', message: `Only an escalated conversation can be handed back; this one is ${previous.status}.` } };
  }
  const problem = checkResumeNode(flow, o.nodeId);
  if (problem) return { ok: false, problem };
  const state: ConversationState = {
    ...previous,
    status: 'active',
    outcome: null,
    waiting: null,
    handoff: null,
    nlu: null,
    kb: null,
    vars: cloneJson(previous.vars),
    conversation: { ...previous.conversation, clarifications: 0, lowConfidenceCount: 0 },
    transcript: [...previous.transcript],
  };
  const turn = new Turn(flow, state, host, 'hand_back');
  turn.say(o.message ?? builtInMessages.handBack);
  runFrom(turn, o.nodeId);
  turn.trace.turn = state.conversation.turns;
  turn.trace.steps = turn.steps;
  return { ok: true, result: { state, outputs: turn.outputs, trace: turn.trace } };
}
