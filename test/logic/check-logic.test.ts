// checkLogic reports every mistake in a rule, each at its place, in words a designer understands.
import { describe, expect, it } from 'vitest';
import { checkLogic, type Logic } from '../../runtime/logic/index.ts';

const escalation: Logic = {
  or: [
    { and: [{ '>': [{ var: 'vars.amount' }, 10000] }, { '==': [{ var: 'nlu.intent' }, 'transfer_not_recognised'] }] },
    { '<': [0, { var: 'nlu.confidence' }, 0.4] },
    { in: ['vip', { var: 'customer.tags' }] },
    { '>=': [{ reduce: [{ filter: [{ var: 'nlu.ranking' }, { in: [{ var: 'intent' }, ['complaint', 'agent']] }] }, { '+': [{ var: 'accumulator' }, { var: 'current.confidence' }] }, 0] }, 0.5] },
    { if: [{ missing: ['customer.tier'] }, false, { '!': { var: 'customer.authenticated' } }] },
    { '!!': [{ var: 'conversation.lowConfidenceCount' }] },
  ],
};

describe('checkLogic', () => {
  it('accepts sound rules, plain values and plain data', () => {
    expect(checkLogic(escalation)).toEqual([]);
    for (const rule of [true, 0, 'text', null, [], [1, { var: 'a' }], {}, { order: 'A1', qty: 2 }, { var: '' }, { var: 1 }, { var: ['a', 0] }]) {
      expect(checkLogic(rule), JSON.stringify(rule)).toEqual([]);
    }
  });

  it('reports every problem in a bad rule, each with its path', () => {
    const rule = {
      and: [
        { '>': 5 },
        { var: {} },
        { if: 'x' },
        { or: 'notarray' },
        { foo: [{ bar: 1 }] },
        { '==': [1, 2, 3] },
        { a: 1, '==': 2 },
        { map: ['abc', { var: '' }] },
        { var: 'vars..amount' },
        { missing_some: [1, 'a'] },
        { in: ['a', 5] },
        { log: 1 },
        { '<': [1] },
        { var: [true] },
        { missing: [{ a: 1, b: 2 }] },
      ],
    };
    const problems = checkLogic(rule);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['malformed_logic', ['and', 0, '>']],
      ['malformed_logic', ['and', 1, 'var']],
      ['malformed_logic', ['and', 2, 'if']],
      ['malformed_logic', ['and', 3, 'or']],
      ['unknown_operator', ['and', 4, 'foo']],
      ['unknown_operator', ['and', 4, 'foo', 0, 'bar']],
      ['malformed_logic', ['and', 5, '==']],
      ['malformed_logic', ['and', 6]],
      ['malformed_logic', ['and', 7, 'map', 0]],
      ['malformed_logic', ['and', 8, 'var']],
      ['malformed_logic', ['and', 9, 'missing_some', 1]],
      ['malformed_logic', ['and', 10, 'in', 1]],
      ['unknown_operator', ['and', 11, 'log']],
      ['malformed_logic', ['and', 12, '<']],
      ['malformed_logic', ['and', 13, 'var', 0]],
      ['malformed_logic', ['and', 14, 'missing', 0]],
    ]);
  });

  it('names the operator in one plain sentence', () => {
    const rule = { and: [{ '>': 5 }, { '==': [1, 2, 3] }, { foo: 1 }, { var: {} }, { if: 'x' }, { and: [] }] };
    for (const problem of checkLogic(rule)) {
      const op = String(problem.path.at(-1));
      expect(problem.message).toContain(`"${op}"`);
      expect(problem.message).toMatch(/^[^\n]+[.?]$/);
      expect(problem.message).not.toMatch(/undefined|\[object/);
    }
    const [gt, eq] = checkLogic(rule);
    expect(gt?.message).toBe('">" (is greater than) needs two values to compare inside square brackets: {">": [ … ]}.');
    expect(eq?.message).toBe('"==" (equals) needs two values to compare, but here it has 3 values; the extra value would be ignored.');
  });

  it('suggests the operator that was probably meant', () => {
    const message = (rule: Logic) => checkLogic(rule)[0]?.message;
    expect(message({ AND: [true] })).toContain('did you mean "and"?');
    expect(message({ val: 'a' })).toContain('did you mean "var"?');
    expect(message({ fliter: [[], true] })).toContain('did you mean "filter"?');
    expect(message({ zzz: 1 })).toContain('use one of: var missing');
  });

  it('reports operators that json-logic-js would treat as plain data', () => {
    expect(checkLogic({ '==': [1, 1], and: [true] })).toMatchObject([{ code: 'malformed_logic', path: [] }]);
    const problems = checkLogic({ id: { var: 'vars.orderId' }, qty: [{ '+': [1, 1] }] });
    expect(problems.map((p) => p.path)).toEqual([
      ['id', 'var'],
      ['qty', 0, '+'],
    ]);
    expect(problems[0]?.message).toContain('never evaluated');
    // A one-key object inside plain data is just data unless its key is an operator.
    expect(checkLogic({ id: { sku: 'A' }, qty: 1 })).toEqual([]);
  });

  it('checks per-item logic and arguments of unknown operators too', () => {
    expect(checkLogic({ map: [{ var: 'xs' }, { '>': [1] }] }).map((p) => p.path)).toEqual([['map', 1, '>']]);
    expect(checkLogic({ nope: { '!': [] } }).map((p) => p.path)).toEqual([['nope'], ['nope', '!']]);
  });

  it('reports values that are not JSON', () => {
    expect(checkLogic(undefined)).toMatchObject([{ code: 'malformed_logic', path: [] }]);
    expect(checkLogic({ '+': [1, Number.NaN] })).toMatchObject([{ code: 'malformed_logic', path: ['+', 1] }]);
    expect(checkLogic([() => 1])).toMatchObject([{ code: 'malformed_logic', path: [0] }]);
  });
});
