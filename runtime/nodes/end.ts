// End: closes the conversation as resolved or abandoned.
import { stop, type NodeExecutor } from './node-executor.ts';

export const endExecutor: NodeExecutor<'end'> = {
  enter(node, turn) {
    if (node.data.text) turn.say(turn.render(node.data.text));
    turn.end(node.data.outcome);
    return stop;
  },
};
