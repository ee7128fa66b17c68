// The handoff package: the one JSON shape sent to the agent inbox and to webhooks when a
// conversation is escalated. Published as JSON Schema (see docs/handoff-package.schema.json).
import { z } from 'zod';
import { jsonSchema } from './json.ts';
import { priorities } from './priority.ts';

export const HANDOFF_SCHEMA_VERSION = 1;

export const handoffReason = z.object({
  /** `rule` for an escalation rule, `node` for a handoff node, `system` for built-in reasons. */
  source: z.enum(['rule', 'node', 'system']),
  /** The rule id or the node id; absent for system reasons. */
  id: z.string().optional(),
  name: z.string(),
  reason: z.string(),
  priority: z.enum(priorities),
  queue: z.string(),
  tags: z.array(z.string()),
});
export type HandoffReason = z.infer<typeof handoffReason>;

export const transcriptEntry = z.object({
  role: z.enum(['user', 'bot', 'agent', 'system']),
  text: z.string(),
  /** Milliseconds since the epoch, from the host's clock. */
  at: z.number(),
});
export type TranscriptEntry = z.infer<typeof transcriptEntry>;

export const rankedIntent = z.object({ intent: z.string(), confidence: z.number().min(0).max(1) });
export type RankedIntent = z.infer<typeof rankedIntent>;

export const handoffPackage = z.object({
  schemaVersion: z.literal(HANDOFF_SCHEMA_VERSION),
  conversationId: z.string(),
  flow: z.object({ id: z.string(), version: z.string().nullable() }),
  queue: z.string(),
  priority: z.enum(priorities),
  /** Every reason that applied this turn, highest priority first; the first decided queue and priority. */
  reasons: z.array(handoffReason).min(1),
  intent: z
    .object({ name: z.string().nullable(), confidence: z.number().nullable(), alternatives: z.array(rankedIntent) })
    .nullable(),
  /** Collected variables; PII variables are replaced by "[redacted]" unless the host allows them. */
  variables: z.record(z.string(), jsonSchema),
  customer: z.record(z.string(), jsonSchema),
  tags: z.array(z.string()),
  /** One templated paragraph for the agent. */
  summary: z.string(),
  transcript: z.array(transcriptEntry),
  channel: z.string(),
  locale: z.string(),
  startedAt: z.number(),
  escalatedAt: z.number(),
});
export type HandoffPackage = z.infer<typeof handoffPackage>;
