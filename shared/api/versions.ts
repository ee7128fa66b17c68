// Immutable versions of a flow as the API lists and shows them (`versions.*`).
import { z } from 'zod';
import { actorSchema, flowId, isoTimestamp, recordId, sha256Hex } from './common.ts';
import { environmentSchema } from './roles.ts';
import { knowledgePinSchema } from './knowledge.ts';

export const listVersionsInput = z.strictObject({
  flowId,
  /** Default 100, at most 1000. Newest first. */
  limit: z.number().int().min(1).max(1000).default(100),
  /** Return versions numbered below this (for paging). */
  beforeNumber: z.number().int().min(1).optional(),
});

export const versionRef = z.strictObject({ versionId: recordId });

export const diffInput = z.strictObject({ fromVersionId: recordId, toVersionId: recordId });

export const reviewStatuses = ['none', 'pending', 'approved', 'rejected'] as const;
export const reviewStatusSchema = z.enum(reviewStatuses);
export type ReviewStatus = (typeof reviewStatuses)[number];

export const versionSummarySchema = z.object({
  id: z.string(),
  flowId: z.string(),
  number: z.number(),
  message: z.string(),
  author: actorSchema,
  createdAt: isoTimestamp,
  parentId: z.string().nullable(),
  /** SHA-256 of the canonical document without node positions; approvals are bound to it. */
  contentHash: sha256Hex,
  /** True when escalation rules, settings or handoff nodes differ from the parent version. */
  policyChanged: z.boolean(),
  /** The review of this version ('none' until one is requested or decided). */
  reviewStatus: reviewStatusSchema,
  /** True when an independent approval of this exact content exists (see docs/server.md). */
  approved: z.boolean(),
  /** Environments this version is live in now. */
  liveIn: z.array(environmentSchema),
  /** The knowledge-base version this flow version was committed with (its `knowledge.base`), or null. */
  knowledge: knowledgePinSchema.nullable(),
});
export type VersionSummary = z.output<typeof versionSummarySchema>;

export const versionDetailSchema = versionSummarySchema.extend({
  /** Everyone counted as an author (may not approve): see docs/server.md. `null` is the system. */
  authors: z.array(actorSchema),
  document: z.record(z.string(), z.unknown()),
});
export type VersionDetail = z.output<typeof versionDetailSchema>;
