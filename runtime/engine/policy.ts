// The escalation policy: every rule is evaluated on every user turn; all matches are recorded and
// the highest priority decides the queue.
import type { HandoffReason } from '../../shared/index.ts';
import type { Turn } from './turn.ts';

/** Evaluates every rule; returns the matched ones as handoff reasons (document order). */
export function evaluatePolicy(turn: Turn): HandoffReason[] {
  if (turn.flow.rules.length === 0) return [];
  const context = turn.context();
  const matched: HandoffReason[] = [];
  for (const { rule, test } of turn.flow.rules) {
    const result = test(context);
    const hit = truthy(result);
    turn.trace.rules.push({ id: rule.id, name: rule.name, matched: hit });
    if (hit) {
      matched.push({ source: 'rule', id: rule.id, name: rule.name, reason: rule.reason, priority: rule.priority, queue: rule.queue, tags: rule.tags });
    }
  }
  return matched;
}

/** JsonLogic truthiness: empty arrays are false, like json-logic-js. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}
