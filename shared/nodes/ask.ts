// Asks the user for one typed value, validates it, reprompts, and stores it in a variable.
import { z } from 'zod';
import { defineNode, nextPort } from './node-definition.ts';
import { identifier } from '../identifier.ts';
import { patternProblem } from './ask-pattern.ts';

export const askValueTypes = ['text', 'number', 'integer', 'email', 'phone', 'date', 'yes_no', 'choice'] as const;
export type AskValueType = (typeof askValueTypes)[number];

export const askData = z
  .strictObject({
    prompt: z.string().min(1, 'Write the question the bot asks.').max(4000),
    variable: identifier,
    valueType: z.enum(askValueTypes).default('text'),
    /** Allowed answers for `choice`; matched case-insensitively. */
    choices: z.array(z.string().min(1)).optional(),
    /** Extra check for `text`: a regular expression the whole answer must match. */
    pattern: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** Said when an answer does not validate. Default: "Sorry, that doesn't look right." + the prompt. */
    retryPrompt: z.string().max(4000).optional(),
    /** Reprompts before the `invalid` port is taken. Default 2. */
    maxAttempts: z.number().int().min(0).max(10).default(2),
  })
  .superRefine((data, ctx) => {
    if (data.valueType === 'choice' && (!data.choices || data.choices.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'A choice question needs at least one choice.' });
    }
    const problem = data.pattern === undefined ? null : patternProblem(data.pattern);
    if (problem) ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
    if (data.min !== undefined && data.max !== undefined && data.min > data.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'The minimum is larger than the maximum.' });
    }
  });

export const askNode = defineNode({
  type: 'ask',
  label: 'Ask',
  description: 'Ask for a value (number, email, date, choice…), check it and store it in a variable.',
  data: askData,
  defaults: () => ({ prompt: 'What is your order number?', variable: 'answer', valueType: 'text' as const, maxAttempts: 2 }),
  // Unconnected `invalid`: the conversation is handed to a human with reason `invalid_input`.
  ports: () => [nextPort, { id: 'invalid', label: 'Invalid answer', required: false }],
  waits: true,
});
