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

export const inboxDetail = z.object({
  item: inboxItem,
  package: handoffPackage,
  conversationStatus,
  /** The whole conversation so far, customer, bot and agent messages. */
  messages: z.array(siteMessage),
});
export type InboxDetail = z.output<typeof inboxDetail>;
