// The one json-logic-engine instance the runtime builds rules with. Its own operators differ from
// json-logic-js in many places, so every operator is registered here with a compile step that emits json-logic-js semantics.
/* eslint-disable @typescript-eslint/no-explicit-any -- mirrors json-logic-js, which is untyped JavaScript */
import { LogicEngine } from 'json-logic-engine';
import * as ops from './json-logic-operations.ts';
import { argumentList } from './operators.ts';
import { LITERAL, UNKNOWN, prepareLogic } from './prepare-logic.ts';
import { isInheritedName, readOwn, readVar } from './var-path.ts';

// json-logic-engine marks generated code and synchronous functions with these registered symbols.
const Compiled = Symbol.for('json_logic_compiled');
const Sync = Symbol.for('json_logic_sync');

/** A piece of generated JavaScript. */
type Code = { [Compiled]: string };

/** The part of json-logic-engine's build state a compile step uses. */
interface BuildState {
  /** Tagged template: functions become `methods[i]`, logic is built recursively, Code is pasted. */
  compile(strings: TemplateStringsArray, ...items: unknown[]): Code;
  /** Values the generated code reads as `values[i]`. */
  values: unknown[];
}

/** Turns an operator's raw (unevaluated) arguments into an expression over `context`. */
type CompileStep = (args: unknown[], state: BuildState) => Code;

/** A rule built into a function; throws where json-logic-js throws. */
export type BuiltLogic = ((data: unknown) => unknown) & { [Sync]?: boolean };

const code = (text: string): Code => ({ [Compiled]: text });

// Options: never evaluate sub-rules while building (inlining runs them, and a throw would fail the
// build where json-logic-js throws only if that branch is reached), never use the interpreter.
const engine = new LogicEngine({}, { disableInline: true, disableInterpretedOptimization: true });

/** Marks a helper as synchronous, else the engine emits `await methods[i]` and builds an async function. */
function sync<F extends (...args: any[]) => unknown>(fn: F): F {
  (fn as unknown as Record<symbol, boolean>)[Sync] = true;
  return fn;
}

/**
 * Adds operator `name` to the engine. Lazy: the compile step gets the raw arguments (as a list, the
 * way json-logic-js reads them, unless `rawArgs`) and decides itself how and when each is evaluated.
 */
function register(name: string, compile: CompileStep, { rawArgs = false } = {}): void {
  const method = {
    lazy: true,
    deterministic: false,
    // The build always takes the compile step; the interpreter entry point only says so.
    method: () => {
      throw new Error(`JSON-logic operator "${name}" is compile-only`);
    },
    compile: (args: unknown, state: BuildState) => compile(rawArgs ? [args] : argumentList(args), state),
  };
  engine.addMethod(name, method);
}

/** `a, b, c` for the given items. */
function joined(state: BuildState, items: readonly unknown[]): Code {
  let out = code('');
  items.forEach((item, i) => {
    out = i === 0 ? state.compile`${item}` : state.compile`${out}, ${item}`;
  });
  return out;
}

/** A call of `fn` with every argument evaluated (json-logic-js evaluates them all, even unused ones). */
const call = (state: BuildState, fn: (...args: any[]) => unknown, items: readonly unknown[]): Code =>
  state.compile`${sync(fn)}(${joined(state, items)})`;

const callWithData = (state: BuildState, fn: (...args: any[]) => unknown, items: readonly unknown[]): Code =>
  items.length === 0 ? state.compile`${sync(fn)}(context)` : state.compile`${sync(fn)}(context, ${joined(state, items)})`;

const alwaysBoolean = new Set(['==', '===', '!=', '!==', '>', '>=', '<', '<=', '!', '!!', 'in', 'all', 'some', 'none']);

/** True when the (prepared) node always evaluates to a boolean, so its truthiness needs no helper. */
function isBooleanNode(node: unknown): boolean {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return typeof node === 'boolean';
  const keys = Object.keys(node);
  return keys.length === 1 && alwaysBoolean.has(keys[0]!);
}

/** An expression that is the JsonLogic truthiness of `node`. */
const test = (state: BuildState, node: unknown): Code =>
  isBooleanNode(node) ? state.compile`(${node})` : state.compile`${sync(ops.truthy)}(${node})`;

const isPrimitive = (value: unknown): boolean => value === null || typeof value !== 'object';

// --- markers from prepareLogic ---------------------------------------------------------------------

register(
  LITERAL,
  ([value], state) => {
    if (Object.is(value, -0)) return code('(-0)');
    state.values.push(value);
    return code(`values[${state.values.length - 1}]`);
  },
  { rawArgs: true },
);

const throwUnknown = (name: string): never => {
  throw new Error(`Unrecognized operation ${name}`);
};
register(UNKNOWN, ([name], state) => state.compile`${sync(throwUnknown)}(${String(name)})`, { rawArgs: true });

// --- data --------------------------------------------------------------------------------------------

const isStaticPath = (path: unknown) => path === undefined || isPrimitive(path);
const isStaticDefault = (value: unknown) => value === undefined || isPrimitive(value);

register('var', (args, state) => {
  const [path, fallback] = args;
  if (args.length > 2 || !isStaticPath(path) || !isStaticDefault(fallback)) return callWithData(state, readVar, args);
  if (path === undefined || path === null || path === '') return code('context');
  // `context?.["a"]?.["b"]` is undefined exactly when json-logic-js falls back to the default.
  let chain = code('context');
  for (const segment of String(path).split('.')) {
    chain = isInheritedName(segment) ? state.compile`${sync(readOwn)}(${chain}, ${segment})` : state.compile`${chain}?.[${segment}]`;
  }
  return state.compile`((prev = ${chain}) === undefined ? ${fallback === undefined ? null : fallback} : prev)`;
});

/**
 * Logic that json-logic-js builds from *data* at evaluation time (see `missing`), compiled once per
 * data object. One cache per wrapper, as the same object may be a `var` key and a `missing` list.
 */
function dataLogicCache(wrap: (value: object) => unknown): (value: object, data: unknown) => unknown {
  const cache = new WeakMap<object, BuiltLogic>();
  return (value, data) => {
    let built = cache.get(value);
    if (!built) cache.set(value, (built = buildLogic(wrap(value))));
    return built(data);
  };
}
const applyVar = dataLogicCache((key) => ({ var: key }));
const applyMissing = dataLogicCache((options) => ({ missing: options }));

/** json-logic-js `apply({"var": key}, data)`: a list or object key is itself evaluated as logic. */
function varOfKey(data: unknown, key: unknown): unknown {
  if (key !== null && typeof key === 'object') return applyVar(key, data);
  return readVar(data, key);
}

/** `missing`: the keys whose value is null, "" or not found; a first argument that is a list is the key list. */
function missing(data: unknown, ...args: unknown[]): unknown[] {
  const keys = Array.isArray(args[0]) ? args[0] : args;
  const out: unknown[] = [];
  for (const key of keys) {
    const value = varOfKey(data, key);
    if (value === null || value === '') out.push(key);
  }
  return out;
}

/** `missing_some`: [] when at least `need` of `options` are present, else the missing ones. */
function missingSome(data: unknown, need: any, options: any): unknown[] {
  // json-logic-js re-applies `options` as the arguments of a `missing` rule.
  const areMissing =
    Array.isArray(options) && options.every(isPrimitive)
      ? missing(data, ...options)
      : isPrimitive(options)
        ? missing(data, options)
        : (applyMissing(options, data) as unknown[]);
  if (options.length - areMissing.length >= need) return [];
  return areMissing;
}

register('missing', (args, state) => callWithData(state, missing, args));
register('missing_some', (args, state) => callWithData(state, missingSome, args));

// --- logic -------------------------------------------------------------------------------------------

function compileIf(args: unknown[], state: BuildState): Code {
  const n = args.length;
  let out = n % 2 === 1 ? state.compile`${args[n - 1]}` : code('null');
  for (let i = n % 2 === 1 ? n - 3 : n - 2; i >= 0; i -= 2) {
    out = state.compile`(${test(state, args[i])} ? ${args[i + 1]} : ${out})`;
  }
  return out;
}
register('if', compileIf);
register('?:', compileIf);

register('and', (args, state) => {
  if (args.length === 0) return code('(void 0)');
  let out = state.compile`${args[args.length - 1]}`;
  for (let i = args.length - 2; i >= 0; i--) {
    out = isBooleanNode(args[i])
      ? state.compile`(${args[i]} ? ${out} : false)`
      : state.compile`(${sync(ops.truthy)}(prev = ${args[i]}) ? ${out} : prev)`;
  }
  return out;
});

register('or', (args, state) => {
  if (args.length === 0) return code('(void 0)');
  let out = state.compile`${args[args.length - 1]}`;
  for (let i = args.length - 2; i >= 0; i--) {
    out = isBooleanNode(args[i])
      ? state.compile`(${args[i]} ? true : ${out})`
      : state.compile`(${sync(ops.truthy)}(prev = ${args[i]}) ? prev : ${out})`;
  }
  return out;
});

register('!', (args, state) => (args.length === 1 ? state.compile`(!${test(state, args[0])})` : call(state, ops.not, args)));
register('!!', (args, state) => (args.length === 1 ? test(state, args[0]) : call(state, ops.isTruthy, args)));

// --- comparison --------------------------------------------------------------------------------------

const comparisons: ReadonlyArray<readonly [string, (...args: any[]) => boolean]> = [
  ['==', ops.looseEquals],
  ['===', ops.strictEquals],
  ['!=', ops.looseNotEquals],
  ['!==', ops.strictNotEquals],
  ['>', ops.greaterThan],
  ['>=', ops.greaterOrEqual],
  ['<', ops.lessThan], // the helper handles the three-argument "between" form
  ['<=', ops.lessOrEqual],
];
for (const [name, fn] of comparisons) {
  const operator = code(` ${name} `);
  const between = name === '<' || name === '<=';
  register(name, (args, state) => {
    if (args.length === 2) return state.compile`((${args[0]})${operator}(${args[1]}))`;
    // With a literal upper bound the "between" form cannot hit `c === undefined`, nor throw on c.
    if (between && args.length === 3 && args[2] !== undefined && isPrimitive(args[2])) {
      return state.compile`((${args[0]})${operator}(prev = ${args[1]}) && prev${operator}(${args[2]}))`;
    }
    return call(state, fn, args);
  });
}

/** Literal list items `in` compares inline: their JSON text is their JavaScript text. */
const isInlineLiteral = (value: unknown): boolean =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
/** Longer literal lists are searched with `indexOf` rather than written out. */
const INLINE_IN_ITEMS = 16;

register('in', (args, state) => {
  const [needle, haystack] = args;
  // `indexOf` on a list compares with ===, so a short literal list becomes a chain of === on the
  // needle, evaluated once: no call per test (rules run `in` once per ranked intent in a filter).
  if (args.length === 2 && Array.isArray(haystack) && haystack.length <= INLINE_IN_ITEMS && haystack.every(isInlineLiteral)) {
    if (haystack.length === 0) return state.compile`(${needle}, false)`;
    const tests = haystack.map((item, i) => `${i === 0 ? '' : ' || prev'} === ${JSON.stringify(item)}`).join('');
    return state.compile`((prev = ${needle})${code(tests)})`;
  }
  // A longer literal list of plain values is only read, so it is built once instead of on every evaluation.
  if (args.length === 2 && Array.isArray(haystack) && haystack.every(isPrimitive)) {
    state.values.push(Object.freeze([...haystack]));
    return state.compile`${sync(ops.isIn)}(${needle}, ${code(`values[${state.values.length - 1}]`)})`;
  }
  return call(state, ops.isIn, args);
});

// --- arithmetic --------------------------------------------------------------------------------------

/** `parseFloat(arg)`; worked out while building when the argument is a literal. */
function parsedNumber(state: BuildState, arg: unknown): Code {
  if (isPrimitive(arg)) {
    const value = ops.parseNumber(arg);
    return code(Object.is(value, -0) ? '(-0)' : `(${String(value)})`);
  }
  return state.compile`${sync(ops.parseNumber)}(${arg})`;
}

register('+', (args, state) => {
  // reduce((a, b) => parseFloat(a) + parseFloat(b), 0): the running sum is never -0, so parseFloat(sum) === sum.
  let out = code('0');
  for (const arg of args) out = state.compile`${out} + ${parsedNumber(state, arg)}`;
  return state.compile`(${out})`;
});

register('*', (args, state) => {
  if (args.length === 0) return call(state, ops.multiply, args); // throws, like reduce on []
  if (args.length === 1) return state.compile`(${args[0]})`; // returned unparsed, like reduce on [x]
  let out = state.compile`(${parsedNumber(state, args[0])} * ${parsedNumber(state, args[1])})`;
  for (let i = 2; i < args.length; i++) out = state.compile`(${sync(ops.parseNumber)}(${out}) * ${parsedNumber(state, args[i])})`;
  return out;
});

register('-', (args, state) => {
  if (args.length === 0) return code('NaN');
  if (args.length === 1) return state.compile`(-(${args[0]}))`;
  return call(state, ops.subtract, args); // the helper keeps `b === undefined ? -a : a - b`
});

for (const [name, fn] of [
  ['/', ops.divide],
  ['%', ops.remainder],
] as const) {
  const operator = code(` ${name} `);
  register(name, (args, state) => (args.length === 2 ? state.compile`((${args[0]})${operator}(${args[1]}))` : call(state, fn, args)));
}

register('min', (args, state) => state.compile`Math.min(${joined(state, args)})`);
register('max', (args, state) => state.compile`Math.max(${joined(state, args)})`);

// --- text and lists ----------------------------------------------------------------------------------

register('cat', (args, state) => call(state, ops.concatenate, args));
register('substr', (args, state) => call(state, ops.substring, args));
register('merge', (args, state) => call(state, ops.merge, args));

const listArg = (args: unknown[]): unknown => (args.length === 0 ? code('(void 0)') : args[0]);

/**
 * A list operator as a loop written into the rule: `(list) => { … }` called on the evaluated list,
 * with its own `prev`. The loop binds each item to `context`, so the per-item logic reads the item
 * as its data, as json-logic-js applies it to each item. Written inline rather than as a helper
 * called with an arrow: the arrow cost a call per item and a closure per evaluation, and the
 * banking policy tests 480 ranked intents per turn this way. Lists come from JSON data or rule
 * results, so they have no holes (which Array#filter and friends would skip).
 */
const overList = (state: BuildState, args: unknown[], loop: Code): Code => state.compile`((list) => { let prev; ${loop} })(${listArg(args)})`;

/** The per-item logic as an expression of the item; none is `undefined`, as applying no logic is in json-logic-js. */
const itemValue = (state: BuildState, body: unknown): Code => (body === undefined ? code('undefined') : state.compile`${body}`);
/** The per-item logic's truthiness. */
const itemTest = (state: BuildState, body: unknown): Code => (body === undefined ? code('false') : test(state, body));

/** `statement` once per item, with the item bound to `context`. */
const forEachItem = (state: BuildState, statement: Code): Code => state.compile`for (let i = 0; i < list.length; i++) { const context = list[i]; ${statement} }`;

register('map', (args, state) => {
  const each = forEachItem(state, state.compile`out.push(${itemValue(state, args[1])});`);
  return overList(state, args, state.compile`const out = []; if (Array.isArray(list)) ${each} return out;`);
});
register('filter', (args, state) => {
  const each = forEachItem(state, state.compile`if (${itemTest(state, args[1])}) out.push(context);`);
  return overList(state, args, state.compile`const out = []; if (Array.isArray(list)) ${each} return out;`);
});
// all, some and none stop at the first item that decides, as json-logic-js does.
register('all', (args, state) => {
  const each = forEachItem(state, state.compile`if (!${itemTest(state, args[1])}) return false;`);
  return overList(state, args, state.compile`if (!Array.isArray(list) || list.length === 0) return false; ${each} return true;`);
});
register('some', (args, state) => {
  const each = forEachItem(state, state.compile`if (${itemTest(state, args[1])}) return true;`);
  return overList(state, args, state.compile`if (!Array.isArray(list) || list.length === 0) return false; ${each} return false;`);
});
register('none', (args, state) => {
  const each = forEachItem(state, state.compile`if (${itemTest(state, args[1])}) return false;`);
  return overList(state, args, state.compile`if (!Array.isArray(list) || list.length === 0) return true; ${each} return true;`);
});

// reduce: the list, then the start value (default null) are evaluated; each item's logic sees `{current, accumulator}`.
register('reduce', (args, state) => {
  const initial = args.length > 2 ? args[2] : null;
  const step = itemValue(state, args[1]);
  return state.compile`((list, accumulator) => { let prev; if (!Array.isArray(list)) return accumulator; for (let i = 0; i < list.length; i++) { const context = { current: list[i], accumulator }; accumulator = ${step}; } return accumulator; })(${listArg(args)}, ${initial})`;
});

/**
 * Builds `rule` (any JSON) into a function with json-logic-engine. The function behaves like
 * json-logic-js `apply(rule, data)`, including throwing where apply throws; `compileLogic` adds the catch.
 */
export function buildLogic(rule: unknown): BuiltLogic {
  const built = engine.build(prepareLogic(rule)) as BuiltLogic;
  if (built[Sync] !== true) throw new Error('JSON-logic build produced asynchronous code');
  return built;
}
