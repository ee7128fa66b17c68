// Finds everything wrong with a JSON-logic rule before it is published, so a designer sees each
// mistake with its place in the rule instead of a rule that silently evaluates to null or to plain data.
import { argumentList, operatorSpec, supportedOperators, type OperatorSpec } from './operators.ts';

/** One thing wrong with a rule. */
export interface LogicProblem {
  /**
   * `unknown_operator`: an object's only key is not a supported operator (json-logic-js would throw).
   * `malformed_logic`: a supported operator with the wrong number or kind of arguments, an object
   * with several keys that include an operator (json-logic-js treats it as plain data), or a value
   * that is not JSON.
   */
  code: 'unknown_operator' | 'malformed_logic';
  /**
   * JSON path from the rule root: object keys and list indexes. For an operator it ends with the
   * operator's key (`['and', 1, '>']` is the argument list of the `>` in the second condition of an
   * `and`); for one bad argument it goes on to that argument (`['var', 0]`), or stops at the key when
   * the argument is written without a list (`{"var": {}}` → `['var']`).
   */
  path: Array<string | number>;
  /** One sentence a designer understands, naming the operator. */
  message: string;
}

type Path = Array<string | number>;

/**
 * Every problem in `rule` (any value), in document order; [] when json-logic-js would evaluate it
 * without surprises. Checks operators are known, argument counts and the shape of `var`, `missing`,
 * `missing_some`, `in` and list-operator arguments. An object with zero or several keys is plain
 * data in json-logic-js: it is fine unless one of its keys (or an object inside it) is an operator,
 * which would never be evaluated. Per-item logic (the second argument of map, filter, …) is checked too.
 */
export function checkLogic(rule: unknown): LogicProblem[] {
  const problems: LogicProblem[] = [];
  if (rule === undefined) {
    return [{ code: 'malformed_logic', path: [], message: 'The rule is empty; write a condition or a value.' }];
  }
  checkNode(rule, [], problems);
  return problems;
}

function checkNode(node: unknown, path: Path, out: LogicProblem[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => checkNode(item, [...path, i], out));
    return;
  }
  const notJson = notJsonReason(node);
  if (notJson) {
    out.push({ code: 'malformed_logic', path, message: `This part is ${notJson}, which a flow cannot store; use text, a number, true/false, null, a list or an object.` });
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const keys = Object.keys(node);
  if (keys.length === 0) return;
  if (keys.length > 1) {
    checkDataObject(node as Record<string, unknown>, keys, path, out);
    return;
  }
  const op = keys[0]!;
  const args = (node as Record<string, unknown>)[op];
  const argsPath = [...path, op];
  const spec = operatorSpec(op);
  if (!spec) out.push({ code: 'unknown_operator', path: argsPath, message: unknownMessage(op) });
  else checkArguments(op, spec, args, argsPath, out);
  // json-logic-js evaluates the arguments of every operator (even an unknown one) as logic.
  if (Array.isArray(args)) args.forEach((arg, i) => checkNode(arg, [...argsPath, i], out));
  else checkNode(args, argsPath, out);
}

function checkArguments(op: string, spec: OperatorSpec, args: unknown, path: Path, out: LogicProblem[]): void {
  const name = spec.title === op ? `"${op}"` : `"${op}" (${spec.title})`;
  const list = argumentList(args);
  const malformed = (at: Path, message: string) => out.push({ code: 'malformed_logic', path: at, message });
  if (spec.needsList && !Array.isArray(args)) {
    malformed(path, `${name} needs ${spec.expects} inside square brackets: {"${op}": [ … ]}.`);
    return;
  }
  if (list.length < spec.minArgs || list.length > spec.maxArgs) {
    const surplus = list.length - spec.maxArgs;
    const extra = surplus > 0 ? `; ${surplus === 1 ? 'the extra value' : `the ${surplus} extra values`} would be ignored` : '';
    malformed(path, `${name} needs ${spec.expects}, but here it has ${plural(list.length, 'value')}${extra}.`);
  }
  // Where argument i sits: `{"op": x}` has its only argument at the operator's key.
  const at = (i: number): Path => (Array.isArray(args) ? [...path, i] : path);
  switch (op) {
    case 'var':
      if (list.length > 0) checkVarName(list[0], at(0), name, malformed);
      break;
    case 'missing': {
      const first = list[0];
      if (Array.isArray(first)) {
        first.forEach((key, i) => checkVarName(key, [...at(0), i], name, malformed));
        if (list.length > 1) malformed(path, `${name} uses only its first list of names when it starts with a list, so the other ${plural(list.length - 1, 'value')} would be ignored.`);
      } else list.forEach((key, i) => checkVarName(key, at(i), name, malformed));
      break;
    }
    case 'missing_some': {
      const [need, names] = list;
      if (list.length > 0 && typeof need !== 'number' && !isOperation(need)) {
        malformed(at(0), `${name} must start with how many of the names must be present (a number), not ${describe(need)}.`);
      }
      if (Array.isArray(names)) names.forEach((key, i) => checkVarName(key, [...at(1), i], name, malformed));
      else if (list.length > 1 && !isOperation(names)) malformed(at(1), `${name} needs a list of variable names in square brackets as its second value, not ${describe(names)}.`);
      break;
    }
    case 'in': {
      const haystack = list[1];
      if (list.length > 1 && typeof haystack !== 'string' && !Array.isArray(haystack) && !isOperation(haystack)) {
        malformed(at(1), `${name} looks for a value in a list or in a text, but its second value is ${describe(haystack)}, so it is always false.`);
      }
      break;
    }
    default:
      if (spec.perItemArg !== undefined && list.length > 0) {
        const items = list[0];
        if (!Array.isArray(items) && !isOperation(items)) {
          malformed(at(0), `${name} goes through a list, but its first value is ${describe(items)}, which is not a list.`);
        }
      }
  }
}

function checkVarName(value: unknown, at: Path, name: string, malformed: (at: Path, message: string) => void): void {
  if (typeof value === 'string') {
    if (value !== '' && value.split('.').includes('')) {
      malformed(at, `The variable name "${value}" in ${name} has an empty part between dots; remove the extra dot.`);
    }
    return;
  }
  if (typeof value === 'number' || value === null || isOperation(value)) return;
  malformed(at, `${name} needs a variable name in quotes, such as "vars.amount", not ${describe(value)}.`);
}

/** Objects with several keys are data to json-logic-js: report operators that would therefore never run. */
function checkDataObject(node: Record<string, unknown>, keys: string[], path: Path, out: LogicProblem[]): void {
  const operators = keys.filter((key) => operatorSpec(key));
  if (operators.length > 0) {
    out.push({
      code: 'malformed_logic',
      path,
      message: `This part has several keys (${keys.map((k) => `"${k}"`).join(', ')}), so it is read as plain data and "${operators[0]}" is never evaluated; give each operation its own { }.`,
    });
    return;
  }
  for (const key of keys) findOperationsInData(node[key], [...path, key], out);
}

function findOperationsInData(value: unknown, path: Path, out: LogicProblem[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => findOperationsInData(item, [...path, i], out));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const keys = Object.keys(value);
  const op = keys.length === 1 ? keys[0]! : undefined;
  if (op !== undefined && operatorSpec(op)) {
    out.push({
      code: 'malformed_logic',
      path: [...path, op],
      message: `"${op}" sits inside plain data (an object with several keys), so it is never evaluated; compute the value in its own rule instead.`,
    });
    return;
  }
  for (const key of keys) findOperationsInData((value as Record<string, unknown>)[key], [...path, key], out);
}

/** An object json-logic-js would evaluate (exactly one key), known operator or not. */
function isOperation(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1;
}

function notJsonReason(value: unknown): string | undefined {
  switch (typeof value) {
    case 'undefined':
      return 'missing (undefined)';
    case 'function':
    case 'symbol':
    case 'bigint':
      return `a ${typeof value}`;
    case 'number':
      return Number.isFinite(value) ? undefined : `the number ${String(value)}`;
    case 'object': {
      if (value === null || Array.isArray(value)) return undefined;
      const proto = Object.getPrototypeOf(value);
      return proto === Object.prototype || proto === null ? undefined : 'an object that is not plain JSON';
    }
    default:
      return undefined;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the text "${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  return Object.keys(value as object).length === 0 ? 'an empty object' : 'an object with several keys';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Names designers bring from other JSON-logic dialects or programming languages. */
const aliases: Readonly<Record<string, string>> = {
  val: 'var',
  get: 'var',
  not: '!',
  every: 'all',
  '&&': 'and',
  '||': 'or',
  '=': '==',
  eq: '==',
  ne: '!=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  concat: 'cat',
  contains: 'in',
};

function unknownMessage(op: string): string {
  if (op === 'log') return `"log" only prints to a developer console, which flows do not have; remove it and keep the value inside it.`;
  const hint = suggestOperator(op);
  return hint
    ? `"${op}" is not an operation rules understand; did you mean "${hint}"?`
    : `"${op}" is not an operation rules understand; use one of: ${supportedOperators.join(' ')}.`;
}

function suggestOperator(op: string): string | undefined {
  const lower = op.toLowerCase();
  if (Object.hasOwn(aliases, lower)) return aliases[lower];
  if (operatorSpec(lower)) return lower;
  let best: string | undefined;
  let bestDistance = op.length >= 5 ? 2 : 1;
  for (const candidate of supportedOperators) {
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance || (distance === bestDistance && !best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best && best.length > 1 ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
