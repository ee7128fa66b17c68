// Asks the host to call one of the site's webhooks (account lookup, identity check…). The runtime
// never does I/O: it emits an effect and continues when the result comes back as an event.
import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { jsonSchema } from '../json.ts';
import { identifier } from '../identifier.ts';

export const actionData = z.strictObject({
  /** The site webhook's name, as configured for the site. */
  action: identifier,
  /** Request fields, each a JSON-logic expression over the rule context. */
  input: z.record(z.string(), jsonSchema).default({}),
  /** The host gives up after this long and reports an error. */
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  /** Stores the webhook's JSON result in this variable. */
  resultVariable: identifier.optional(),
});

export const actionNode = defineNode({
  type: 'action',
  label: 'Action',
  description: "Call the site's webhook (look up an order, verify identity) with a timeout.",
  data: actionData,
  defaults: () => ({ action: 'lookup_order', input: {}, timeoutMs: 5000 }),
  ports: () => [
    { id: 'ok', label: 'Success', required: true },
    { id: 'error', label: 'Error or timeout', required: true },
  ],
  waits: true,
});
