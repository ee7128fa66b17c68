// Branches on JSON-logic: a single test (ports true/false) or ordered cases (first match wins, else `else`).
import { z } from 'zod';
import { defineNode, type PortSpec } from './node-definition.ts';
import { jsonSchema } from '../json.ts';
import { identifier } from '../identifier.ts';

export const conditionData = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('if'), when: jsonSchema }),
  z.strictObject({
    mode: z.literal('cases'),
    cases: z
      .array(z.strictObject({ id: identifier, label: z.string().max(200).optional(), when: jsonSchema }))
      .min(1, 'Add at least one case.'),
  }),
]);

export const conditionNode = defineNode({
  type: 'condition',
  label: 'Condition',
  description: 'Branch on variables, customer fields or the intent, with a rule.',
  data: conditionData,
  defaults: () => ({ mode: 'if' as const, when: { '==': [{ var: 'customer.tier' }, 'gold'] } }),
  ports: (data): PortSpec[] =>
    data.mode === 'if'
      ? [
          { id: 'true', label: 'True', required: true },
          { id: 'false', label: 'False', required: true },
        ]
      : [
          ...data.cases.map((c): PortSpec => ({ id: c.id, label: c.label ?? c.id, required: true })),
          { id: 'else', label: 'Else', required: true },
        ],
  waits: false,
});
