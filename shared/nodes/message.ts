// Sends one bot message; `{{vars.x}}`, `{{customer.firstName}}`, `{{nlu.intent}}` are filled in.
import { z } from 'zod';
import { defineNode, nextPort } from './node-definition.ts';

export const messageData = z.strictObject({
  text: z.string().min(1, 'A message needs some text.').max(4000),
});

export const messageNode = defineNode({
  type: 'message',
  label: 'Message',
  description: 'Send a message. Use {{vars.name}} or {{customer.firstName}} to fill in values.',
  data: messageData,
  defaults: () => ({ text: 'Hello!' }),
  ports: () => [nextPort],
  waits: false,
});
