// The executor registry; `satisfies` makes a node type without an executor a compile error.
import type { NodeType } from '../../shared/index.ts';
import type { NodeExecutor } from './node-executor.ts';
import { startExecutor } from './start.ts';
import { messageExecutor } from './message.ts';
import { askExecutor } from './ask.ts';
import { intentExecutor } from './intent.ts';
import { conditionExecutor } from './condition.ts';
import { setExecutor } from './set.ts';
import { answerExecutor } from './answer.ts';
import { actionExecutor } from './action.ts';
import { handoffExecutor } from './handoff.ts';
import { csatExecutor } from './csat.ts';
import { endExecutor } from './end.ts';

export const nodeExecutors = {
  start: startExecutor,
  message: messageExecutor,
  ask: askExecutor,
  intent: intentExecutor,
  condition: conditionExecutor,
  set: setExecutor,
  answer: answerExecutor,
  action: actionExecutor,
  handoff: handoffExecutor,
  csat: csatExecutor,
  end: endExecutor,
} satisfies { [T in NodeType]: NodeExecutor<T> };
