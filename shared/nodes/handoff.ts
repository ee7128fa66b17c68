// Escalates to a human queue now, with priority and reason; the conversation leaves the bot.
import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { priorities } from '../priority.ts';
import { identifier } from '../identifier.ts';

export const handoffData = z.strictObject({
  queue: identifier,
  priority: z.enum(priorities).default('normal'),
  reason: identifier,
  /** Told to the customer; default "Connecting you to a member of our team." */
  text: z.string().max(4000).optional(),
  tags: z.array(z.string().min(1).max(64)).default([]),
});

export const handoffNode = defineNode({
  type: 'handoff',
  label: 'Hand over',
  description: 'Hand the conversation to a human queue with a priority and a reason.',
  data: handoffData,
  defaults: () => ({ queue: 'general', priority: 'normal' as const, reason: 'needs_human', tags: [] }),
  ports: () => [],
  waits: false,
});
