// Suggested training examples (issue 7): customer messages an agent labelled with the intent the
// bot should have understood. Designers add them to the flow's draft or dismiss them.
import { z } from 'zod';
import { flowId, isoTimestamp, recordId } from './common.ts';

export const suggestionsListInput = z.strictObject({ flowId });

export const trainingSuggestion = z.object({
  handoffId: z.string(),
  conversationId: z.string(),
  flowId: z.string(),
  /** The customer's message, to become an example of `intent`. */
  text: z.string(),
  intent: z.string(),
  /** The intent the bot chose (or null when it understood nothing). */
  botIntent: z.string().nullable(),
  labelledBy: z.object({ id: z.string(), name: z.string() }),
  labelledAt: isoTimestamp,
});
export type TrainingSuggestion = z.output<typeof trainingSuggestion>;

export const suggestionAddInput = z.strictObject({
  handoffId: recordId,
  /** The draft revision the designer is looking at; a newer draft is a CONFLICT. */
  baseRevision: z.number().int().min(1),
});

export const suggestionDismissInput = z.strictObject({ handoffId: recordId });
