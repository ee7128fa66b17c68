// Handoff: escalates now with the node's queue, priority and reason.
import { stop, type NodeExecutor } from './node-executor.ts';

export const handoffExecutor: NodeExecutor<'handoff'> = {
  enter(node, turn) {
    const { queue, priority, reason, tags, text } = node.data;
    turn.escalate([{ source: 'node', id: node.id, name: `Hand-over node ${node.id} (${reason})`, reason, priority, queue, tags }], text);
    return stop;
  },
};
