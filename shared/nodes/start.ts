// Where every conversation begins. Exactly one per flow.
import { z } from 'zod';
import { defineNode, nextPort } from './node-definition.ts';

export const startData = z.strictObject({});

export const startNode = defineNode({
  type: 'start',
  label: 'Start',
  description: 'Where every conversation begins.',
  data: startData,
  defaults: () => ({}),
  ports: () => [nextPort],
  waits: false,
});
