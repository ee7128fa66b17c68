// The agent inbox's wire shapes (`inbox.*`, role agent): the handoff queue, claiming, replying to
// the customer and resolving. The agent inbox UI (issue 7) builds on these.
import { z } from 'zod';
import { handoffPackage } from '../handoff.ts';
import { priorities } from '../priority.ts';
import { isoTimestamp, recordId } from './common.ts';
import { conversationStatus, siteMessage } from './site.ts';

export const handoffStatus = z.enum(['waiting', 'assigned', 'resolved']);
export type HandoffStatus = z.output<typeof handoffStatus>;

export const inboxListInput = z
  .strictObject({
    /** Only these queues. Default: every queue. */
    queues: z.array(z.string().min(1).max(100)).max(100).optional(),
    /** Default `open` (waiting and assigned). */
    status: z.enum(['open', 'waiting', 'assigned', 'resolved']).default('open'),
    /** Default 100. */
    limit: z.number().int().min(1).max(500).default(100),
  })
  .default({ status: 'open', limit: 100 });

export const handoffRef = z.strictObject({ handoffId: recordId });

export const inboxReplyInput = z.strictObject({
  handoffId: recordId,
  text: z.string().trim().min(1, 'Write a reply first.').max(4000),
});

export const inboxHandBackInput = z.strictObject({
  handoffId: recordId,
  /** A node of the conversation's flow version (message, question, intent, condition, set, action or rating). */
  nodeId: z.string().trim().min(1, 'Pick the node where the bot takes over again.').max(200),
});

export const inboxLabelInput = z.strictObject({
  handoffId: recordId,
  /** Was a person needed for this conversation? */
  escalationNeeded: z.boolean(),
  /** The intent the customer meant, when the bot misunderstood; one of the flow version's intents. Default none. */
  correctIntent: z.string().trim().min(1).max(64).nullable().default(null),
});

export const inboxResolveInput = z.strictObject({
  handoffId: recordId,
  /** Default `resolved`. */
  outcome: z.enum(['resolved', 'abandoned']).default('resolved'),
});

export const inboxItem = z.object({
  handoffId: z.string(),
  conversationId: z.string(),
  siteId: z.string(),
  flowId: z.string(),
  queue: z.string(),
  priority: z.enum(priorities),
  status: handoffStatus,
  summary: z.string(),
  reasons: z.array(z.string()),
  createdAt: isoTimestamp,
  claimedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  claimedAt: isoTimestamp.nullable(),
});
export type InboxItem = z.output<typeof inboxItem>;

/** A node an agent may hand the conversation back to. */
export const resumePoint = z.object({
  nodeId: z.string(),
  type: z.string(),
  /** What the node does, in a few words (its message, question or routes). */
  text: z.string(),
});
export type ResumePoint = z.output<typeof resumePoint>;

/** The agent's verdict on an escalation (table handoff_labels). */
export const handoffLabel = z.object({
  escalationNeeded: z.boolean(),
  correctIntent: z.string().nullable(),
  exampleText: z.string().nullable(),
  suggestionStatus: z.enum(['open', 'added', 'dismissed']).nullable(),
  labelledBy: z.object({ id: z.string(), name: z.string() }),
  labelledAt: isoTimestamp,
});
export type HandoffLabel = z.output<typeof handoffLabel>;

export const inboxDetail = z.object({
  item: inboxItem,
  package: handoffPackage,
  conversationStatus,
  /** The whole conversation so far, customer, bot and agent messages. */
  messages: z.array(siteMessage),
  /** Where the bot can take over again, in the flow version's node order. */
  resumePoints: z.array(resumePoint),
  /** The flow version's intent names, for labelling. */
  intents: z.array(z.string()),
  label: handoffLabel.nullable(),
});
export type InboxDetail = z.output<typeof inboxDetail>;
