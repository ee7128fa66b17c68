// compileLogic's promises beyond "same as apply": it never throws, its deliberate differences from
// json-logic-js hold, and json-logic-engine really compiles (no interpreted fallback).
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileLogic, supportedOperators, type Logic } from '../../runtime/logic/index.ts';
import { buildLogic } from '../../runtime/logic/logic-engine.ts';
import type { Json } from '../../shared/index.ts';

/** One rule per supported operator, each reading data so weird inputs reach the operator. */
const everyOperator: Record<string, Logic> = {
  var: { var: ['a.b', 1] },
  missing: { missing: ['a', 'b.c'] },
  missing_some: { missing_some: [1, ['a', 'b']] },
  if: { if: [{ var: 'a' }, 1, { var: 'b' }, 2, 3] },
  '?:': { '?:': [{ var: 'a' }, 1, 2] },
  and: { and: [{ var: 'a' }, { var: 'b' }] },
  or: { or: [{ var: 'a' }, { var: 'b' }] },
  '!': { '!': { var: 'a' } },
  '!!': { '!!': [{ var: 'a' }] },
  '==': { '==': [{ var: 'a' }, 1] },
  '===': { '===': [{ var: 'a' }, 1] },
  '!=': { '!=': [{ var: 'a' }, 1] },
  '!==': { '!==': [{ var: 'a' }, 1] },
  '>': { '>': [{ var: 'a' }, 1] },
  '>=': { '>=': [{ var: 'a' }, 1] },
  '<': { '<': [0, { var: 'a' }, 10] },
  '<=': { '<=': [{ var: 'a' }, 1] },
  '+': { '+': [{ var: 'a' }, { var: 'b' }] },
  '-': { '-': [{ var: 'a' }, { var: 'b' }] },
  '*': { '*': [{ var: 'a' }, 2, { var: 'b' }] },
  '/': { '/': [{ var: 'a' }, { var: 'b' }] },
  '%': { '%': [{ var: 'a' }, { var: 'b' }] },
  min: { min: [{ var: 'a' }, { var: 'b' }] },
  max: { max: [{ var: 'a' }, 3] },
  in: { in: [{ var: 'a' }, { var: 'b' }] },
  cat: { cat: [{ var: 'a' }, '-', { var: 'b' }] },
  substr: { substr: [{ var: 'a' }, 1, -1] },
  merge: { merge: [{ var: 'a' }, [1], { var: 'b' }] },
  map: { map: [{ var: 'a' }, { '*': [{ var: '' }, 2] }] },
  filter: { filter: [{ var: 'a' }, { '>': [{ var: 'x' }, 1] }] },
  all: { all: [{ var: 'a' }, { var: 'x' }] },
  some: { some: [{ var: 'a' }, { '==': [{ var: '' }, 1] }] },
  none: { none: [{ var: 'a' }, { var: '' }] },
  reduce: { reduce: [{ var: 'a' }, { '+': [{ var: 'accumulator' }, { var: 'current.x' }] }, 0] },
};

const weirdData: unknown[] = [
  undefined,
  null,
  '',
  'text',
  0,
  -0,
  Number.MAX_VALUE,
  1e308 * 10, // Infinity
  Number.NaN,
  Number.MIN_VALUE,
  true,
  [],
  [null, [], {}],
  {},
  { a: null, b: '' },
  { a: Number.MAX_VALUE, b: -Number.MAX_VALUE },
  { a: 'x'.repeat(100_000), b: [1, 2, 3] },
  { a: [{ x: 1 }, { x: '2' }, null, [3]], b: { c: [] } },
  { a: { toString: 1 }, b: { valueOf: 'x', indexOf: 3 } }, // JavaScript coercion of these throws
  { a: Array.from({ length: 10_000 }, (_, i) => ({ x: i })), b: 10 },
  { a: nested(2_000) },
];

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { b: value, x: [value] };
  return value;
}

describe('compileLogic', () => {
  it('covers every supported operator in these tests', () => {
    expect(Object.keys(everyOperator).sort()).toEqual([...supportedOperators].sort());
  });

  it('never throws, whatever the data', () => {
    for (const rule of Object.values(everyOperator)) {
      const compiled = compileLogic(rule);
      for (const data of weirdData) expect(() => compiled(data)).not.toThrow();
    }
  });

  it('returns null where json-logic-js throws', () => {
    const throwing: Array<[Logic, unknown]> = [
      [{ '*': [] }, {}],
      [{ nope: [1] }, {}],
      [{ if: [{ var: 'a' }, { nope: 1 }, 2] }, { a: true }],
      [{ missing_some: [1, { var: 'absent' }] }, {}], // null.length
      [{ in: ['x', { var: 'o' }] }, { o: { indexOf: 1 } }], // indexOf is not a function
      [{ cat: [{ var: 'o' }] }, { o: { toString: 1 } }], // cannot convert object to primitive
      [{ '==': [{ var: 'o' }, 'x'] }, { o: { toString: 1, valueOf: 2 } }],
    ];
    for (const [rule, data] of throwing) {
      expect(() => jsonLogic.apply(rule as never, data)).toThrow();
      expect(compileLogic(rule)(data)).toBeNull();
    }
  });

  it('fails an unknown operator only when it is reached, like json-logic-js', () => {
    const rule: Logic = { if: [{ var: 'risky' }, { escalate: 'now' }, 'fine'] };
    expect(compileLogic(rule)({ risky: false })).toBe('fine');
    expect(compileLogic(rule)({ risky: true })).toBeNull();
    expect(compileLogic({ map: [[], { nope: 1 }] })({})).toEqual([]);
  });

  it('keeps json-logic-js results that are not JSON: NaN, Infinity, -0, undefined', () => {
    expect(compileLogic({ '/': [1, 0] })({})).toBe(Number.POSITIVE_INFINITY);
    expect(compileLogic({ '+': ['abc'] })({})).toBeNaN();
    expect(Object.is(compileLogic({ '-': [{ var: 'a' }] })({ a: 0 }), -0)).toBe(true);
    expect(compileLogic({ and: [] })({})).toBeUndefined();
    expect(compileLogic({ max: [] })({})).toBe(Number.NEGATIVE_INFINITY);
  });

  it('reads own properties only: inherited members are missing (the one deliberate difference)', () => {
    expect(jsonLogic.apply({ var: 'toString' }, {})).toBeTypeOf('function');
    expect(compileLogic({ var: 'toString' })({})).toBeNull();
    expect(compileLogic({ var: ['constructor.name', 'none'] })({})).toBe('none');
    expect(compileLogic({ var: '__proto__' })([])).toBeNull();
    expect(compileLogic({ var: { cat: ['value', 'Of'] } })(1)).toBeNull(); // computed paths too
    expect(compileLogic({ missing: ['hasOwnProperty', 'a'] })({ a: 1 })).toEqual(['hasOwnProperty']);
    // Own properties with those names, and the length of lists and texts, still read normally.
    expect(compileLogic({ var: 'toString' })({ toString: 'mine' })).toBe('mine');
    expect(compileLogic({ var: 'vars.tags.length' })({ vars: { tags: ['a', 'b'] } })).toBe(2);
    expect(compileLogic({ var: 'name.length' })({ name: 'Ada' })).toBe(3);
    expect(compileLogic({ var: 'items.0' })({ items: ['first'] })).toBe('first');
  });

  it('does not modify the data it reads', () => {
    const data = deepFreeze({ a: [{ x: 3 }, { x: 1 }], b: { c: 'd' } });
    for (const rule of Object.values(everyOperator)) {
      expect(compileLogic(rule)(data)).toEqual(jsonLogic.apply(rule as never, data));
    }
  });

  it('compiles every operator to straight-line code, with no interpreter fallback', () => {
    for (const [name, rule] of Object.entries(everyOperator)) {
      const source = buildLogic(rule).toString();
      // The engine falls back to `engine.methods[op].method(...)` when an operator has no compile step.
      expect(source, name).not.toContain('engine.methods');
      expect(source, name).not.toContain('await');
    }
    const source = buildLogic({ and: [{ '>': [{ var: 'vars.amount' }, 10000] }, { '==': [{ var: 'nlu.intent' }, 'fraud'] }] }).toString();
    expect(source).toContain('context?.["vars"]?.["amount"]');
    expect(source).toContain(' > ');
  });

  it('tests `in` against a literal list inline, with the === of indexOf, at every list length', () => {
    const needles: unknown[] = [null, 0, -0, 1, '1', '', 'a', 'b', true, false, [], {}];
    const items: Json[] = [1, '1', 'a', null, false, 0, 'é\u2028"\\', 2.5, 1e21];
    for (let length = 0; length <= 18; length++) {
      const list = Array.from({ length }, (_, i) => items[i % items.length]!);
      const rule: Logic = { in: [{ var: 'x' }, list] };
      // Up to 16 items no helper is called; longer lists go to indexOf.
      expect(buildLogic(rule).toString().includes('methods['), String(length)).toBe(length > 16);
      const compiled = compileLogic(rule);
      for (const x of needles) expect(compiled({ x }), JSON.stringify([length, x])).toBe(jsonLogic.apply(rule as never, { x }));
    }
    // The needle is evaluated even when the list is empty: an unknown operator there still fails.
    expect(compileLogic({ in: [{ nope: 1 }, []] })({})).toBe(null);
  });

  it('runs per-item logic with the item as data, also nested and side by side', () => {
    const rule: Logic = {
      reduce: [
        { filter: [{ var: 'ranking' }, { in: [{ var: 'intent' }, ['a', 'c']] }] },
        { '+': [{ var: 'accumulator' }, { reduce: [{ map: [{ var: 'current.scores' }, { '*': [{ var: '' }, 2] }] }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }] },
        0,
      ],
    };
    const data = { ranking: [{ intent: 'a', scores: [1, 2] }, { intent: 'b', scores: [10] }, { intent: 'c', scores: [0.5] }] };
    expect(compileLogic(rule)(data)).toBe(jsonLogic.apply(rule as never, data));
    expect(compileLogic(rule)(data)).toBe(7);
  });

  it('compiles any JSON rule without throwing', () => {
    const odd: Logic[] = [-0, { a: 1, b: 2 }, {}, [[[]]], { nope: { nope: 1 } }, { var: [[['a']]] }, { toString: 1 }, JSON.parse('{"__proto__": {"var": "a"}}') as Logic];
    for (const rule of odd) expect(() => compileLogic(rule)).not.toThrow();
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
