// Condition: `if` takes true/false; `cases` takes the first case whose rule holds, else `else`.
import { nodeLogic } from '../compiled-flow.ts';
import { truthy } from '../engine/policy.ts';
import { next, type NodeExecutor } from './node-executor.ts';

export const conditionExecutor: NodeExecutor<'condition'> = {
  enter(node, turn) {
    const context = turn.context();
    if (node.data.mode === 'if') return next(truthy(nodeLogic(turn.flow, node.id, 'when')(context)) ? 'true' : 'false');
    const hit = node.data.cases.findIndex((_, i) => truthy(nodeLogic(turn.flow, node.id, `cases.${i}.when`)(context)));
    return next(hit >= 0 ? node.data.cases[hit]!.id : 'else');
  },
};
