// Review of a version (`reviews.*`): request, approve or reject with comments. An approval names
// the content hash the reviewer saw, so it can never approve different content.
import { z } from 'zod';
import { actorSchema, flowId, isoTimestamp, recordId, sha256Hex } from './common.ts';
import { reviewStatusSchema } from './versions.ts';

const comment = z.string().trim().max(10_000);

export const requestReviewInput = z.strictObject({
  versionId: recordId,
  note: comment.optional(),
  /** A replay report (replays.run) computed for this version, shown to reviewers. */
  replayId: recordId.optional(),
});
export const approveInput = z.strictObject({
  versionId: recordId,
  /** The content hash of the version the reviewer looked at; must equal the stored one. */
  contentHash: sha256Hex,
  comment: comment.optional(),
});
export const rejectInput = z.strictObject({ versionId: recordId, comment: comment.pipe(z.string().min(1, 'Say what needs to change.')) });
export const commentInput = z.strictObject({
  versionId: recordId,
  body: comment.pipe(z.string().min(1)),
  /** Where in the document the comment points, e.g. `escalation.rules[id=big-transfer].when`. */
  path: z.string().max(500).optional(),
});
export const listReviewsInput = z.strictObject({
  /** Default `pending`. */
  status: reviewStatusSchema.exclude(['none']).default('pending'),
  flowId: flowId.optional(),
  /** Default 100. */
  limit: z.number().int().min(1).max(500).default(100),
});

export const reviewEventKinds = ['request', 'comment', 'approve', 'reject'] as const;
export const reviewEventSchema = z.object({
  id: z.number(),
  kind: z.enum(reviewEventKinds),
  author: actorSchema,
  body: z.string(),
  path: z.string().nullable(),
  contentHash: z.string(),
  createdAt: isoTimestamp,
});
export type ReviewEvent = z.output<typeof reviewEventSchema>;

export const reviewStateSchema = z.object({
  versionId: z.string(),
  flowId: z.string(),
  number: z.number(),
  status: reviewStatusSchema,
  approved: z.boolean(),
  requestedBy: actorSchema,
  requestedAt: isoTimestamp.nullable(),
  decidedBy: actorSchema,
  decidedAt: isoTimestamp.nullable(),
  events: z.array(reviewEventSchema),
});
export type ReviewState = z.output<typeof reviewStateSchema>;

export const reviewQueueItemSchema = z.object({
  versionId: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  number: z.number(),
  message: z.string(),
  author: actorSchema,
  status: reviewStatusSchema,
  requestedBy: actorSchema,
  requestedAt: isoTimestamp.nullable(),
  policyChanged: z.boolean(),
});
export type ReviewQueueItem = z.output<typeof reviewQueueItemSchema>;
