// CSAT: asks for a 1–5 score; after one unreadable answer it moves on without a score.
import { next, waitForInput, wait, type NodeExecutor } from './node-executor.ts';
import { builtInMessages } from '../engine/messages.ts';

const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

/** Reads a 1–5 score from "4", "4/5", "five stars"; null when there is none ("-1", "2.5", "10"). */
export function parseScore(text: string): number | null {
  const digit = text.match(/(?<![\d.-])([1-5])(?![\d.])/);
  if (digit) return Number(digit[1]);
  const word = text.toLowerCase().match(/\b(one|two|three|four|five)\b/);
  return word ? words[word[1]!]! : null;
}

export const csatExecutor: NodeExecutor<'csat'> = {
  enter(node, turn) {
    turn.say(turn.render(node.data.prompt));
    return waitForInput(turn, node.id);
  },
  resume(node, turn, input) {
    const waiting = turn.state.waiting;
    const score = input.type === 'message' ? parseScore(input.text) : null;
    if (score === null && waiting?.kind === 'input' && waiting.attempts === 0) {
      waiting.attempts++;
      turn.say(builtInMessages.csatRetry);
      return wait;
    }
    turn.state.conversation.csat = score;
    turn.state.waiting = null;
    return next('next');
  },
};
