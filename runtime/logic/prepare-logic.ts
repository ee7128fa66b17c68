// Rewrites a rule so json-logic-engine can build it with json-logic-js semantics: the engine rejects
// unknown operators and multi-key objects when building, json-logic-js only fails (or returns data) when it gets there.
import { operatorSpec } from './operators.ts';

/** Marks a value json-logic-js returns as is: an object without exactly one key, or -0. */
export const LITERAL = '\u0000literal';
/** Marks an operator json-logic-js does not know; evaluating it throws, like json-logic-js. */
export const UNKNOWN = '\u0000unknown';

/**
 * Returns a copy of `rule` in which every object is a supported operator, `{[LITERAL]: value}` or
 * `{[UNKNOWN]: name}`. Arrays are mapped (json-logic-js evaluates their items); literal objects keep
 * their identity, as json-logic-js returns them by reference.
 */
export function prepareLogic(rule: unknown): unknown {
  if (Array.isArray(rule)) return rule.map(prepareLogic);
  if (rule !== null && typeof rule === 'object') {
    const keys = Object.keys(rule);
    if (keys.length !== 1) return { [LITERAL]: rule };
    const op = keys[0]!;
    if (!operatorSpec(op)) return { [UNKNOWN]: op };
    return { [op]: prepareLogic((rule as Record<string, unknown>)[op]) };
  }
  // JSON.stringify (which the engine uses to inline primitives) would turn -0 into 0.
  if (Object.is(rule, -0)) return { [LITERAL]: -0 };
  return rule;
}
