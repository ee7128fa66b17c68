// Random rules on random data: compileLogic must return exactly what json-logic-js 2.0.5's apply returns
// (null where apply throws), so compiled rules keep the reference semantics designers test against.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileLogic, type Logic } from '../../runtime/logic/index.ts';

// Keys shared by data and paths so lookups hit. Inherited names (toString, constructor…) are left
// out: compiled `var` deliberately treats them as missing (see compile-logic.test.ts).
const keys = ['a', 'b', 'c', 'x', '0', '1', 'length', 'current', 'accumulator'] as const;
const texts = ['', 'a', 'b', 'ab', 'abc', '1', '2.5', '3abc', '0', '-0', ' ', 'true', 'null', 'a.b', 'Infinity'];

const number = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0, -0, 0.5, -2.5, 1e21, 2 ** 53, -1e-7),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const primitive = fc.oneof(fc.constant(null), fc.boolean(), number, fc.constantFrom(...texts));

const { value: dataValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    primitive,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 4 }),
  ),
}));

/** Mostly objects (the rule context), sometimes anything, including undefined. */
const data = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...keys), dataValue, { maxKeys: 6 }) },
  { weight: 1, arbitrary: dataValue },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const path = fc.oneof(
  fc.constantFrom(...keys),
  fc.array(fc.constantFrom(...keys), { minLength: 2, maxLength: 3 }).map((parts) => parts.join('.')),
  fc.constantFrom('', 'a.', 'x.0.a', 'a.length'),
  fc.integer({ min: 0, max: 2 }),
);

const op = (name: string, args: fc.Arbitrary<unknown>) => args.map((a) => ({ [name]: a }) as Logic);
/** Usually the usual number of arguments, sometimes any count from 0 to 3, sometimes a bare value. */
const args = (rule: fc.Arbitrary<unknown>, min: number, max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.array(rule, { minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.array(rule, { maxLength: 3 }) },
    { weight: 1, arbitrary: rule },
  );

const { rule: ruleArbitrary } = fc.letrec<{ rule: unknown }>((tie) => {
  const rule = tie('rule');
  const variable = fc.oneof(
    op('var', path),
    op('var', fc.tuple(path, primitive)),
    op('var', fc.tuple(path, rule)),
    op('var', fc.constantFrom('', null, [])),
    op('var', fc.tuple(rule)), // computed path
  );
  return {
    rule: fc.oneof(
      { depthSize: 'medium', withCrossShrink: true },
      { weight: 3, arbitrary: primitive },
      { weight: 5, arbitrary: variable },
      ...['==', '===', '!=', '!==', '>', '>='].map((name) => op(name, args(rule, 2, 2))),
      ...['<', '<='].map((name) => op(name, args(rule, 2, 3))),
      ...['and', 'or'].map((name) => op(name, args(rule, 1, 4))),
      ...['if', '?:'].map((name) => op(name, args(rule, 2, 5))),
      ...['!', '!!'].map((name) => op(name, args(rule, 1, 1))),
      ...['+', '*', 'min', 'max'].map((name) => op(name, args(rule, 1, 3))),
      ...['-', '/', '%'].map((name) => op(name, args(rule, 1, 2))),
      op('in', fc.tuple(rule, fc.oneof(rule, fc.array(primitive, { maxLength: 3 }), fc.constantFrom(...texts)))),
      op('cat', args(rule, 1, 3)),
      op('substr', args(rule, 2, 3)),
      op('merge', args(rule, 0, 3)),
      op('missing', fc.oneof(fc.array(path, { maxLength: 3 }), fc.tuple(fc.array(path, { maxLength: 3 })), rule)),
      op('missing_some', fc.oneof(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(path, { maxLength: 3 })), args(rule, 2, 2))),
      ...['map', 'filter', 'all', 'some', 'none'].map((name) => op(name, args(rule, 2, 2))),
      op('reduce', args(rule, 2, 3)),
      op('reduce', fc.tuple(rule, op('+', fc.tuple(op('var', fc.constant('accumulator')), op('var', fc.constantFrom('current', 'current.a')))), rule)),
      fc.array(rule, { maxLength: 3 }), // a list of rules evaluates to a list of results
      fc.record({ a: rule, b: primitive }), // several keys: plain data, returned as is
      fc.constant({}),
      op('nope', rule), // unknown operator: apply throws only when it is reached
    ),
  };
});

/** What jsonLogic.apply returns, or null where it throws (compileLogic's documented stand-in). */
function reference(rule: unknown, input: unknown): unknown {
  try {
    return jsonLogic.apply(rule as never, input);
  } catch {
    return null;
  }
}

describe('compileLogic matches json-logic-js apply', () => {
  it('on random rules and data', () => {
    fc.assert(
      fc.property(ruleArbitrary, fc.array(data, { minLength: 1, maxLength: 3 }), (rule, inputs) => {
        const compiled = compileLogic(rule as Logic);
        for (const input of inputs) {
          const expected = reference(rule, input);
          const got = compiled(input);
          // isDeepStrictEqual: 0 and -0 differ, NaN equals NaN, undefined differs from null.
          if (!isDeepStrictEqual(got, expected)) {
            throw new Error(`rule ${JSON.stringify(rule)} on ${JSON.stringify(input)}: apply ${String(JSON.stringify(expected))}, compiled ${String(JSON.stringify(got))}`);
          }
        }
      }),
      { numRuns: 5000, seed: 20240601 },
    );
  });

  it('on data lookups (var, missing, missing_some) over dense data', () => {
    // Few keys and many empty-ish values, so lookups hit null, "", 0, false and nesting often.
    const key = fc.constantFrom('a', 'b', '0');
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, '', 0, -0, false, 'x', [], {}),
        fc.dictionary(key, tie('value'), { maxKeys: 3 }),
        fc.array(tie('value'), { maxLength: 2 }),
      ),
    }));
    const name = fc.oneof(key, fc.array(key, { minLength: 2, maxLength: 3 }).map((p) => p.join('.')), fc.constantFrom('', 0));
    const lookup = fc.oneof(
      op('var', fc.oneof(name, fc.tuple(name, fc.constantFrom(null, 'd', 0, '')))),
      op('missing', fc.oneof(fc.array(name, { maxLength: 3 }), fc.tuple(fc.array(name, { maxLength: 3 })), name)),
      op('missing', op('var', name)), // keys taken from the data
      op('missing_some', fc.tuple(fc.integer({ min: 0, max: 3 }), fc.oneof(fc.array(name, { maxLength: 3 }), op('var', name)))),
    );
    fc.assert(
      fc.property(lookup, fc.array(value, { minLength: 1, maxLength: 4 }), (rule, inputs) => {
        const compiled = compileLogic(rule);
        for (const input of inputs) expect(isDeepStrictEqual(compiled(input), reference(rule, input)), JSON.stringify([rule, input])).toBe(true);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('on random data for a realistic escalation rule', () => {
    const rule: Logic = {
      or: [
        { and: [{ '>': [{ var: 'a.x' }, 100] }, { '==': [{ var: 'b' }, 'abc'] }] },
        { '>=': [{ reduce: [{ filter: [{ var: 'c' }, { in: [{ var: 'a' }, ['a', 'b']] }] }, { '+': [{ var: 'accumulator' }, { var: 'current.x' }] }, 0] }, 0.5] },
        { in: ['a', { var: 'x' }] },
      ],
    };
    const compiled = compileLogic(rule);
    fc.assert(
      fc.property(data, (input) => {
        expect(isDeepStrictEqual(compiled(input), reference(rule, input))).toBe(true);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
