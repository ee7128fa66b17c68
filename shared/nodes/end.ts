// Ends the conversation as resolved or abandoned.
import { z } from 'zod';
import { defineNode } from './node-definition.ts';

export const endData = z.strictObject({
  outcome: z.enum(['resolved', 'abandoned']).default('resolved'),
  text: z.string().max(4000).optional(),
});

export const endNode = defineNode({
  type: 'end',
  label: 'End',
  description: 'End the conversation as resolved or abandoned.',
  data: endData,
  defaults: () => ({ outcome: 'resolved' as const }),
  ports: () => [],
  waits: false,
});
