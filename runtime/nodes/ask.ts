// Ask: says the prompt, waits, validates the answer into its variable; reprompts up to
// maxAttempts, then takes `invalid` (or hands over when `invalid` is not connected).
import { builtInMessages } from '../engine/messages.ts';
import { parseAnswer } from './ask-value.ts';
import { next, stop, wait, waitForInput, type NodeExecutor } from './node-executor.ts';

export const askExecutor: NodeExecutor<'ask'> = {
  enter(node, turn) {
    turn.say(turn.render(node.data.prompt));
    return waitForInput(turn, node.id);
  },
  resume(node, turn, input) {
    const waiting = turn.state.waiting;
    if (input.type !== 'message' || waiting?.kind !== 'input') return wait;
    const value = parseAnswer(input.text, node.data);
    if (value !== null) {
      turn.state.vars[node.data.variable] = value;
      turn.state.waiting = null;
      return next('next');
    }
    if (waiting.attempts < node.data.maxAttempts) {
      waiting.attempts++;
      turn.say(turn.render(node.data.retryPrompt ?? builtInMessages.invalidAnswer(node.data.prompt)));
      return wait;
    }
    turn.state.waiting = null;
    if (turn.hasPort(node.id, 'invalid')) return next('invalid');
    turn.systemHandoff('invalid_input', `No valid answer to "${node.data.variable}" after ${waiting.attempts + 1} tries`);
    return stop;
  },
};
