// Walks the graph from a node until the flow waits, escalates or ends, within the step budget.
import type { NodeType, TypedNode } from '../../shared/index.ts';
import { nodeExecutors } from '../nodes/index.ts';
import type { NodeExecutor, NodeOutcome, ResumeInput } from '../nodes/node-executor.ts';
import { builtInMessages } from './messages.ts';
import type { Turn } from './turn.ts';

function executorOf(node: TypedNode): NodeExecutor<NodeType> {
  return nodeExecutors[node.type] as NodeExecutor<NodeType>;
}

/** Runs `nodeId` and everything after it for this turn. */
export function runFrom(turn: Turn, nodeId: string): void {
  let current: string | undefined = nodeId;
  while (current !== undefined && turn.state.status === 'active') {
    const node = turn.flow.nodes.get(current);
    if (!node) return flowError(turn, `the flow points to a node "${current}" that does not exist`);
    if (turn.steps >= turn.flow.doc.settings.stepBudget) {
      turn.trace.notes.push(`step budget of ${turn.flow.doc.settings.stepBudget} nodes used up at node ${node.id}`);
      return turn.systemHandoff('step_budget_exceeded', 'The flow ran too many steps in one turn', 'high', builtInMessages.stepBudget);
    }
    turn.steps++;
    current = follow(turn, node, executorOf(node).enter(node, turn));
  }
}

/** Resumes the node the conversation waits at with the user's or host's input. */
export function resumeAt(turn: Turn, node: TypedNode, input: ResumeInput): NodeOutcome {
  const executor = executorOf(node);
  turn.steps++;
  return executor.resume ? executor.resume(node, turn, input) : { kind: 'next', port: 'next' };
}

/** Records the node in the trace and returns the node to run next, if any. */
export function follow(turn: Turn, node: TypedNode, outcome: NodeOutcome): string | undefined {
  turn.trace.nodes.push({ id: node.id, type: node.type, port: outcome.kind === 'next' ? outcome.port : null });
  if (outcome.kind !== 'next') return undefined;
  const target = turn.flow.edges.get(node.id)?.get(outcome.port);
  if (target === undefined) {
    flowError(turn, `node ${node.id} has no connection from its "${outcome.port}" port`);
    return undefined;
  }
  return target;
}

function flowError(turn: Turn, what: string): void {
  turn.trace.notes.push(`flow error: ${what}`);
  turn.systemHandoff('flow_error', `The flow could not continue: ${what}`, 'high', builtInMessages.stepBudget);
}
