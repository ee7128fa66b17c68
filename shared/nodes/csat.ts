// Asks for a 1–5 satisfaction score; any answer (or none that parses, after one reprompt) continues.
import { z } from 'zod';
import { defineNode, nextPort } from './node-definition.ts';

export const csatData = z.strictObject({
  prompt: z.string().min(1).max(4000).default('How did we do? Rate us from 1 (poor) to 5 (great).'),
});

export const csatNode = defineNode({
  type: 'csat',
  label: 'Satisfaction',
  description: 'Ask the customer to rate the conversation from 1 to 5.',
  data: csatData,
  defaults: () => ({ prompt: 'How did we do? Rate us from 1 (poor) to 5 (great).' }),
  ports: () => [nextPort],
  waits: true,
});
