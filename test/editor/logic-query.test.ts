// The visual rule builder must never change a rule it shows: every rule in the example flows
// round-trips exactly, and what the builder writes means what its labels say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuleGroupType } from 'react-querybuilder';
import { compileLogic } from '../../runtime/logic/index.ts';
import type { Json } from '../../shared/index.ts';
import { toEditorDoc } from '../../editor/document/editor-document.ts';
import { EXPRESSION_FIELD, logicToQuery, queryToLogic } from '../../editor/rules/logic-query.ts';
import { ruleFields } from '../../editor/rules/rule-fields.ts';

const flows = ['flows/banking-support.json', 'flows/returns.json'].map((f) => toEditorDoc(JSON.parse(readFileSync(f, 'utf8'))));

describe('JSON-logic ⇄ builder query', () => {
  for (const doc of flows) {
    it(`round-trips every escalation rule of ${doc.id} exactly`, () => {
      const fields = ruleFields(doc);
      for (const rule of doc.escalation?.rules ?? []) {
        const back = queryToLogic(logicToQuery(rule.when as Json), fields);
        expect(back).toEqual({ ok: true, logic: rule.when });
      }
    });
  }

  it('keeps what the builder cannot show as an editable expression row', () => {
    const sum: Json = { '>=': [{ reduce: [{ var: 'nlu.ranking' }, { '+': [{ var: 'current.confidence' }, { var: 'accumulator' }] }, 0] }, 0.3] };
    const query = logicToQuery({ and: [{ '==': [{ var: 'customer.tier' }, 'vip'] }, sum] });
    expect(query.rules).toHaveLength(2);
    expect(query.rules[1]).toMatchObject({ field: EXPRESSION_FIELD, operator: 'expression' });
  });

  it('writes what its operators say, typed by the field', () => {
    const doc = flows[1]!;
    const fields = ruleFields(doc);
    const group = (rules: RuleGroupType['rules']): RuleGroupType => ({ combinator: 'and', rules });
    const logic = (q: RuleGroupType) => {
      const r = queryToLogic(q, fields);
      if (!r.ok) throw new Error(r.message);
      return r.logic;
    };
    const context = { vars: { order_value: 750 }, customer: { tier: 'vip' }, message: { text: 'I will file a chargeback' }, nlu: { intent: 'damaged_item' } };
    const cases: Array<[RuleGroupType, boolean]> = [
      [group([{ field: 'vars.order_value', operator: '>', value: '500' }]), true],
      [group([{ field: 'vars.order_value', operator: 'between', value: ['100', '700'] }]), false],
      [group([{ field: 'message.text', operator: 'contains', value: 'chargeback' }]), true],
      [group([{ field: 'message.text', operator: 'doesNotContain', value: 'chargeback' }]), false],
      [group([{ field: 'nlu.intent', operator: 'in', value: ['damaged_item', 'start_return'] }]), true],
      [group([{ field: 'customer.tier', operator: '!=', value: 'vip' }]), false],
      [{ combinator: 'or', not: true, rules: [{ field: 'customer.tier', operator: '=', value: 'vip' }, { field: 'vars.order_value', operator: '<', value: '10' }] }, false],
      [group([]), false],
    ];
    for (const [query, expected] of cases) expect(!!compileLogic(logic(query))(context), JSON.stringify(query)).toBe(expected);
    expect(logic(group([{ field: 'vars.order_value', operator: '>', value: '500' }]))).toEqual({ '>': [{ var: 'vars.order_value' }, 500] });
  });
});
