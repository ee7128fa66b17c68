// Action: asks the host to call a site webhook and waits for the result event; `ok` stores the
// result, `error` covers failures and timeouts (the host enforces timeoutMs).
import { nodeLogic } from '../compiled-flow.ts';
import { toJson } from '../engine/to-json.ts';
import type { Json } from '../../shared/index.ts';
import { next, wait, type NodeExecutor } from './node-executor.ts';

export const actionExecutor: NodeExecutor<'action'> = {
  enter(node, turn) {
    const context = turn.context();
    const input: Record<string, Json> = {};
    for (const key of Object.keys(node.data.input)) input[key] = toJson(nodeLogic(turn.flow, node.id, `input.${key}`)(context));
    // Deterministic id: the same state and event always produce the same request.
    const requestId = `${turn.state.conversationId}:${node.id}:${turn.state.conversation.turns}:${turn.steps}`;
    turn.state.waiting = { kind: 'effect', nodeId: node.id, requestId };
    turn.outputs.push({ type: 'action', requestId, action: node.data.action, input, timeoutMs: node.data.timeoutMs });
    return wait;
  },
  resume(node, turn, input) {
    if (input.type !== 'action_result') return wait;
    turn.state.waiting = null;
    if (!input.ok) {
      turn.trace.notes.push(`action ${node.data.action} failed: ${input.error}`);
      return next('error');
    }
    if (node.data.resultVariable) turn.state.vars[node.data.resultVariable] = toJson(input.data);
    return next('ok');
  },
};
