// Compiles a flow's JSON-logic once per flow version into a plain function, so evaluating a rule
// on every turn costs a function call instead of a walk over the rule.
import type { Json } from '../../shared/json.ts';
import { buildLogic } from './logic-engine.ts';

/** A JSON-logic expression (json-logic-js 2.0.5 dialect): any JSON value. */
export type Logic = Json;

/** A compiled rule: data in, result out; never throws. */
export type CompiledLogic = (data: unknown) => unknown;

/**
 * Compiles `rule` with json-logic-engine into a function that returns what json-logic-js 2.0.5's
 * `apply(rule, data)` returns — same coercions, NaN, Infinity (`{"/": [1, 0]}`), `undefined` from
 * `{"and": []}` — with two exceptions:
 * - where `apply` throws (an unknown operator that is reached, `{"*": []}`, `missing_some` without a
 *   list…), the compiled function returns null instead;
 * - `var` treats members inherited from built-in prototypes (`toString`, `constructor`,
 *   `__proto__`) as missing, where json-logic-js returns the function or prototype.
 * Compiling itself does not throw for any JSON rule: unknown operators fail only when evaluated,
 * as in json-logic-js. Call `checkLogic` first to reject such rules. Literal objects in the rule are
 * returned by reference, as json-logic-js does; do not mutate results.
 */
export function compileLogic(rule: Logic): CompiledLogic {
  const built = buildLogic(rule);
  return (data) => {
    try {
      return built(data);
    } catch {
      return null;
    }
  };
}
