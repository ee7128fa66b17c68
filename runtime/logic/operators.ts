// The catalogue of JSON-logic operators a flow may use: json-logic-js 2.0.5's built-ins (minus `log`),
// with the argument counts the rule checker enforces and the words the editor shows designers.

/** What kind of work an operator does; the editor groups its completions by this. */
export type OperatorGroup = 'data' | 'logic' | 'comparison' | 'arithmetic' | 'text' | 'list';

/** How one operator is written and named. */
export interface OperatorSpec {
  group: OperatorGroup;
  /** What a designer calls it, used in messages and completions ("is greater than"). */
  title: string;
  /** What its arguments are, completing "it needs …" ("two values to compare"). */
  expects: string;
  /** Fewest arguments that make sense. */
  minArgs: number;
  /** Most arguments json-logic-js uses; further ones are ignored, so the checker reports them. */
  maxArgs: number;
  /**
   * True when the arguments must be a list (`{"and": [a, b]}`); false when the one-argument
   * shorthand `{"op": a}` is fine too. json-logic-js wraps a non-list in a list either way.
   */
  needsList: boolean;
  /** Index of the argument evaluated once per list item with the item as data (map, filter, …). */
  perItemArg?: number;
}

const many = Number.POSITIVE_INFINITY;
const compare = (title: string): OperatorSpec => ({
  group: 'comparison',
  title,
  expects: 'two values to compare',
  minArgs: 2,
  maxArgs: 2,
  needsList: true,
});
const between = (title: string): OperatorSpec => ({
  group: 'comparison',
  title,
  expects: 'two values to compare, or three to check that the middle one lies between the others',
  minArgs: 2,
  maxArgs: 3,
  needsList: true,
});
const perItem = (title: string, expects: string): OperatorSpec => ({
  group: 'list',
  title,
  expects,
  minArgs: 2,
  maxArgs: 2,
  needsList: true,
  perItemArg: 1,
});
const ifSpec: OperatorSpec = {
  group: 'logic',
  title: 'if',
  expects: 'a condition and a result, optionally more condition/result pairs, and a final "otherwise" result',
  minArgs: 2,
  maxArgs: many,
  needsList: true,
};

/**
 * Every supported operator by name. `log` is left out on purpose: it only prints to a developer
 * console, which the runtime does not have. json-logic-engine's extras (`val`, `??`, `preserve`,
 * `length`, `exists`, `try`, …) are left out because json-logic-js does not know them.
 */
export const operatorSpecs: Readonly<Record<string, OperatorSpec>> = {
  var: { group: 'data', title: 'value of', expects: 'a variable name such as "vars.amount", and optionally a default', minArgs: 0, maxArgs: 2, needsList: false },
  missing: { group: 'data', title: 'missing', expects: 'one or more variable names', minArgs: 1, maxArgs: many, needsList: false },
  missing_some: { group: 'data', title: 'missing some', expects: 'how many must be present, then a list of variable names', minArgs: 2, maxArgs: 2, needsList: true },
  if: ifSpec,
  '?:': { ...ifSpec, title: 'if (?:)' },
  and: { group: 'logic', title: 'and', expects: 'a list of conditions', minArgs: 1, maxArgs: many, needsList: true },
  or: { group: 'logic', title: 'or', expects: 'a list of conditions', minArgs: 1, maxArgs: many, needsList: true },
  '!': { group: 'logic', title: 'not', expects: 'exactly one value', minArgs: 1, maxArgs: 1, needsList: false },
  '!!': { group: 'logic', title: 'is truthy', expects: 'exactly one value', minArgs: 1, maxArgs: 1, needsList: false },
  '==': compare('equals'),
  '===': compare('strictly equals'),
  '!=': compare('does not equal'),
  '!==': compare('strictly does not equal'),
  '>': compare('is greater than'),
  '>=': compare('is at least'),
  '<': between('is less than'),
  '<=': between('is at most'),
  '+': { group: 'arithmetic', title: 'plus', expects: 'one or more numbers', minArgs: 1, maxArgs: many, needsList: false },
  '-': { group: 'arithmetic', title: 'minus', expects: 'one number to negate, or two to subtract', minArgs: 1, maxArgs: 2, needsList: false },
  '*': { group: 'arithmetic', title: 'times', expects: 'one or more numbers', minArgs: 1, maxArgs: many, needsList: false },
  '/': { group: 'arithmetic', title: 'divided by', expects: 'two numbers', minArgs: 2, maxArgs: 2, needsList: true },
  '%': { group: 'arithmetic', title: 'remainder', expects: 'two numbers', minArgs: 2, maxArgs: 2, needsList: true },
  min: { group: 'arithmetic', title: 'smallest of', expects: 'one or more numbers', minArgs: 1, maxArgs: many, needsList: false },
  max: { group: 'arithmetic', title: 'largest of', expects: 'one or more numbers', minArgs: 1, maxArgs: many, needsList: false },
  in: { group: 'comparison', title: 'is in', expects: 'a value, then the list or text to look for it in', minArgs: 2, maxArgs: 2, needsList: true },
  cat: { group: 'text', title: 'join text', expects: 'one or more pieces of text', minArgs: 1, maxArgs: many, needsList: false },
  substr: { group: 'text', title: 'part of text', expects: 'a text, a start position and optionally a length', minArgs: 2, maxArgs: 3, needsList: true },
  merge: { group: 'list', title: 'merge lists', expects: 'lists to combine into one', minArgs: 0, maxArgs: many, needsList: false },
  map: perItem('for each item', 'a list, then the logic to apply to each item'),
  filter: perItem('items where', 'a list, then the condition each kept item meets'),
  all: perItem('all items', 'a list, then the condition every item must meet'),
  some: perItem('some item', 'a list, then the condition at least one item must meet'),
  none: perItem('no item', 'a list, then the condition no item may meet'),
  reduce: {
    group: 'list',
    title: 'combine items',
    expects: 'a list, the logic that combines "current" with "accumulator", and optionally a starting value',
    minArgs: 2,
    maxArgs: 3,
    needsList: true,
    perItemArg: 1,
  },
};

/** Names of every supported operator, for the editor's completion and the docs. */
export const supportedOperators: readonly string[] = Object.freeze(Object.keys(operatorSpecs));

/** The spec of `name`, or undefined when it is not a supported operator (inherited names such as "toString" included). */
export function operatorSpec(name: string): OperatorSpec | undefined {
  return Object.hasOwn(operatorSpecs, name) ? operatorSpecs[name] : undefined;
}

/** Arguments as json-logic-js sees them: a non-list argument is a list of one. */
export function argumentList(args: unknown): unknown[] {
  return Array.isArray(args) ? args : [args];
}
