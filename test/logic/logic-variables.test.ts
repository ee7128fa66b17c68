// logicVariables lists what a rule reads from the rule context, so flow validation can flag typos.
import { describe, expect, it } from 'vitest';
import { logicVariables } from '../../runtime/logic/index.ts';

describe('logicVariables', () => {
  it('lists var paths in first-use order, once each', () => {
    const rule = {
      and: [
        { '>': [{ var: 'vars.amount' }, 10000] },
        { '==': [{ var: 'nlu.intent' }, 'transfer_not_recognised'] },
        { '<': [{ var: ['vars.amount', 0] }, 20000] },
      ],
    };
    expect(logicVariables(rule)).toEqual(['vars.amount', 'nlu.intent']);
  });

  it('reads numbers as paths and skips the whole-data forms', () => {
    expect(logicVariables({ cat: [{ var: 1 }, { var: '' }, { var: null }, { var: [] }, { var: 'a' }] })).toEqual(['1', 'a']);
  });

  it('includes the names missing and missing_some check', () => {
    expect(logicVariables({ missing: ['customer.tier', 'vars.amount'] })).toEqual(['customer.tier', 'vars.amount']);
    expect(logicVariables({ missing: 'vars.email' })).toEqual(['vars.email']);
    expect(logicVariables({ missing: [['a', 'b'], { var: 'c' }] })).toEqual(['a', 'b', 'c']);
    expect(logicVariables({ missing_some: [{ var: 'vars.need' }, ['vars.phone', 'vars.email']] })).toEqual(['vars.need', 'vars.phone', 'vars.email']);
  });

  it('ignores computed paths but not what they read', () => {
    expect(logicVariables({ var: [{ cat: ['vars.', { var: 'vars.field' }] }, { var: 'vars.fallback' }] })).toEqual(['vars.field', 'vars.fallback']);
    expect(logicVariables({ missing: { var: 'vars.required' } })).toEqual(['vars.required']);
  });

  it('leaves out what per-item logic reads from each item', () => {
    const rule = {
      reduce: [
        { filter: [{ var: 'nlu.ranking' }, { in: [{ var: 'intent' }, ['agent']] }] },
        { '+': [{ var: 'accumulator' }, { var: 'current.confidence' }] },
        { var: 'vars.base' },
      ],
    };
    expect(logicVariables(rule)).toEqual(['nlu.ranking', 'vars.base']);
    expect(logicVariables({ all: [{ var: 'customer.tags' }, { '!=': [{ var: '' }, { var: 'x' }] }] })).toEqual(['customer.tags']);
  });

  it('ignores plain data and accepts any value', () => {
    expect(logicVariables({ id: { var: 'vars.orderId' }, qty: 1 })).toEqual([]);
    for (const value of [undefined, null, 5, 'text', [], {}]) expect(logicVariables(value)).toEqual([]);
    expect(logicVariables([{ var: 'a' }, { nope: { var: 'b' } }])).toEqual(['a', 'b']);
  });
});
