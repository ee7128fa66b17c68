// Routes the user's message by intent, honouring the flow's confidence threshold and ambiguity
// margin: clear → the intent's port; unclear → clarify, then `low_confidence`.
import { z } from 'zod';
import { defineNode, type PortSpec } from './node-definition.ts';
import { identifier } from '../identifier.ts';

export const intentData = z.strictObject({
  /** Said before waiting for the user's message; omit when a message node already asked. */
  prompt: z.string().max(4000).optional(),
  /** The intents routed here, one port each, in this order. */
  intents: z.array(identifier).min(1, 'Route at least one intent.'),
  /** Overrides the flow's confidenceThreshold for this router. */
  confidenceThreshold: z.number().min(0).max(1).optional(),
});

export const intentNode = defineNode({
  type: 'intent',
  label: 'Intent router',
  description: 'Wait for the customer and route by what they want, with a confidence threshold.',
  data: intentData,
  defaults: () => ({ intents: ['greeting'] }),
  ports: (data) => [
    ...data.intents.map((name): PortSpec => ({ id: name, label: name.replace(/_/g, ' '), required: true })),
    // Unconnected: after the clarifications run out the conversation is handed over (`low_confidence`).
    { id: 'low_confidence', label: 'Not understood', required: false },
    // Unconnected: treated like `low_confidence`.
    { id: 'out_of_scope', label: 'Out of scope', required: false },
  ],
  waits: true,
});
