// Set: assigns variables in order; each assignment sees the ones before it.
import { nodeLogic } from '../compiled-flow.ts';
import { toJson } from '../engine/to-json.ts';
import { next, type NodeExecutor } from './node-executor.ts';

export const setExecutor: NodeExecutor<'set'> = {
  enter(node, turn) {
    node.data.assignments.forEach((a, i) => {
      turn.state.vars[a.variable] = toJson(nodeLogic(turn.flow, node.id, `assignments.${i}.value`)(turn.context()));
    });
    return next('next');
  },
};
