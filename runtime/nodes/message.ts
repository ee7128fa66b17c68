// Message: says its text with placeholders filled in.
import { next, type NodeExecutor } from './node-executor.ts';

export const messageExecutor: NodeExecutor<'message'> = {
  enter(node, turn) {
    turn.say(turn.render(node.data.text));
    return next('next');
  },
};
