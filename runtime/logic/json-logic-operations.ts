// json-logic-js 2.0.5's operations, reproduced exactly (coercions, ignored extra arguments, NaN and
// Infinity included) for compiled rules to call; JavaScript's own coercion is the point here.
/* eslint-disable @typescript-eslint/no-explicit-any -- these mirror untyped JavaScript on purpose */

type Loose = any;

/** JsonLogic truthiness: an empty list is false, everything else as in JavaScript. */
export function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length !== 0 : !!value;
}

/** `parseFloat(value)` with a fast path for numbers (parseFloat turns -0 into 0 and keeps the rest). */
export function parseNumber(value: unknown): number {
  return typeof value === 'number' ? value + 0 : parseFloat(value as string);
}

// The comparison and arithmetic operations for argument counts the compiler does not inline;
// every argument has been evaluated, extra ones are ignored like json-logic-js does.
export const looseEquals = (a: Loose, b: Loose): boolean => a == b;
export const strictEquals = (a: Loose, b: Loose): boolean => a === b;
export const looseNotEquals = (a: Loose, b: Loose): boolean => a != b;
export const strictNotEquals = (a: Loose, b: Loose): boolean => a !== b;
export const greaterThan = (a: Loose, b: Loose): boolean => a > b;
export const greaterOrEqual = (a: Loose, b: Loose): boolean => a >= b;
export const lessThan = (a: Loose, b: Loose, c?: Loose): boolean => (c === undefined ? a < b : a < b && b < c);
export const lessOrEqual = (a: Loose, b: Loose, c?: Loose): boolean => (c === undefined ? a <= b : a <= b && b <= c);
export const not = (a: unknown): boolean => !truthy(a);
export const isTruthy = (a: unknown): boolean => truthy(a);
export const subtract = (a: Loose, b?: Loose): number => (b === undefined ? -a : a - b);
export const divide = (a: Loose, b: Loose): number => a / b;
export const remainder = (a: Loose, b: Loose): number => a % b;

/** `*`: one argument is returned as is, none throws (json-logic-js reduces without a start value). */
export function multiply(...args: unknown[]): unknown {
  return args.reduce((a, b) => parseFloat(a as string) * parseFloat(b as string));
}

/** `in`: substring for text, exact (===) membership for lists, false for anything without indexOf. */
export function isIn(a: unknown, b: Loose): boolean {
  if (!b || typeof b.indexOf === 'undefined') return false;
  return b.indexOf(a) !== -1;
}

/** `cat`: joins with "" (null becomes "", lists become "a,b"). */
export function concatenate(...args: unknown[]): string {
  return args.join('');
}

/** `substr`: JavaScript substr, with a negative length counting back from the end (as in PHP). */
export function substring(source: unknown, start: Loose, end?: Loose): string {
  if (end < 0) {
    const temp = String(source).substr(start);
    return temp.substr(0, temp.length + end);
  }
  return String(source).substr(start, end);
}

/** `merge`: concatenates its arguments, flattening one level of lists. */
export function merge(...args: unknown[]): unknown[] {
  return args.reduce<unknown[]>((a, b) => a.concat(b), []);
}
