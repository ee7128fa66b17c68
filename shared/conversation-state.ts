// A conversation's state between turns: plain JSON, persisted by the host and parsed again when
// read back. The runtime owns its meaning; this schema is its wire form.
import { z } from 'zod';
import { jsonSchema } from './json.ts';
import { handoffPackage, rankedIntent, transcriptEntry } from './handoff.ts';

export const STATE_SCHEMA_VERSION = 1;

export const waitingState = z.discriminatedUnion('kind', [
  /** Waiting for the user's message at an ask, intent or csat node. */
  z.object({
    kind: z.literal('input'),
    nodeId: z.string(),
    /** Failed answers so far at this node (ask, csat). */
    attempts: z.number().int(),
    /** Clarifying questions asked so far at this node (intent). */
    clarifications: z.number().int(),
    /** Intents offered in the last clarifying question, in the order offered. */
    candidates: z.array(z.string()),
  }),
  /** Waiting for the host to report the result of an effect (an action webhook call). */
  z.object({ kind: z.literal('effect'), nodeId: z.string(), requestId: z.string() }),
]);
export type WaitingState = z.infer<typeof waitingState>;

export const nluSnapshot = z.object({
  intent: z.string().nullable(),
  confidence: z.number(),
  margin: z.number(),
  outOfScope: z.boolean(),
  /** True when the flow acted on `intent` (it cleared the threshold and margin, or the user picked it). */
  accepted: z.boolean(),
  /** The top alternatives (at most 5). */
  ranking: z.array(rankedIntent),
});
export type NluSnapshot = z.infer<typeof nluSnapshot>;

export const conversationState = z.object({
  schemaVersion: z.literal(STATE_SCHEMA_VERSION),
  conversationId: z.string(),
  flowId: z.string(),
  flowVersion: z.string().nullable(),
  status: z.enum(['active', 'escalated', 'ended']),
  outcome: z.enum(['resolved', 'abandoned']).nullable(),
  waiting: waitingState.nullable(),
  vars: z.record(z.string(), jsonSchema),
  customer: z.record(z.string(), jsonSchema),
  nlu: nluSnapshot.nullable(),
  /** The last knowledge lookup's best article; `answered` says whether it cleared the answer node's threshold. */
  kb: z.object({ articleId: z.string(), title: z.string(), score: z.number(), answered: z.boolean().optional() }).nullable(),
  conversation: z.object({
    turns: z.number().int(),
    clarifications: z.number().int(),
    lowConfidenceCount: z.number().int(),
    channel: z.string(),
    locale: z.string(),
    startedAt: z.number(),
    csat: z.number().int().min(1).max(5).nullable(),
  }),
  transcript: z.array(transcriptEntry),
  handoff: handoffPackage.nullable(),
});
export type ConversationState = z.infer<typeof conversationState>;
