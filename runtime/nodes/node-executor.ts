// How the engine runs one node type. `enter` runs when the flow arrives at the node; `resume`
// runs when the conversation was waiting there and the user (or the host) answered.
import type { NodeType, TypedNode } from '../../shared/index.ts';
import type { Json } from '../../shared/index.ts';
import type { Turn } from '../engine/turn.ts';

export type NodeOutcome =
  /** Continue through this port. */
  | { kind: 'next'; port: string }
  /** Stop the turn; the executor has set `state.waiting`. */
  | { kind: 'wait' }
  /** The conversation escalated or ended. */
  | { kind: 'stop' };

export type ResumeInput =
  | { type: 'message'; text: string }
  | { type: 'action_result'; ok: true; data: Json }
  | { type: 'action_result'; ok: false; error: string };

export type NodeOf<T extends NodeType> = Extract<TypedNode, { type: T }>;

export interface NodeExecutor<T extends NodeType> {
  enter(node: NodeOf<T>, turn: Turn): NodeOutcome;
  /** Only for node types that wait. */
  resume?(node: NodeOf<T>, turn: Turn, input: ResumeInput): NodeOutcome;
}

export const next = (port: string): NodeOutcome => ({ kind: 'next', port });
export const wait: NodeOutcome = { kind: 'wait' };
export const stop: NodeOutcome = { kind: 'stop' };

/** Waits for the user's message at `nodeId`, with fresh counters. */
export function waitForInput(turn: Turn, nodeId: string): NodeOutcome {
  turn.state.waiting = { kind: 'input', nodeId, attempts: 0, clarifications: 0, candidates: [] };
  return wait;
}
