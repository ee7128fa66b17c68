// Assigns variables from JSON-logic expressions, in order (later ones see earlier ones).
import { z } from 'zod';
import { defineNode, nextPort } from './node-definition.ts';
import { jsonSchema } from '../json.ts';
import { identifier } from '../identifier.ts';

export const setData = z.strictObject({
  assignments: z.array(z.strictObject({ variable: identifier, value: jsonSchema })).min(1, 'Add at least one assignment.'),
});

export const setNode = defineNode({
  type: 'set',
  label: 'Set variables',
  description: 'Store values in variables, computed with rules.',
  data: setData,
  defaults: () => ({ assignments: [{ variable: 'count', value: 0 }] }),
  ports: () => [nextPort],
  waits: false,
});
