// Flows and their drafts: inputs and outputs of the `flows.*` procedures. A draft may be invalid
// (work in progress), so it travels as an arbitrary JSON object; commit is where it must parse.
import { z } from 'zod';
import { jsonObjectSchema } from '../json.ts';
import type { Problem } from '../problem.ts';
import { actorSchema, flowId, isoTimestamp, recordId } from './common.ts';
import { environments, type Environment } from './roles.ts';

/**
 * A draft document: any JSON object whose `id` is the flow's id (checked by the server). Each
 * value is checked for depth before its structure (jsonSchema), so hostile nesting is a 400 with
 * its path, not a stack overflow.
 */
export const draftDocument = jsonObjectSchema;

export const flowRef = z.strictObject({ flowId });

export const createFlowInput = z.strictObject({
  id: flowId,
  name: z.string().min(1).max(200),
  /** Default `en`. */
  locale: z.string().min(2).max(35).default('en'),
});

export const saveDraftInput = z.strictObject({
  flowId,
  /** The draft revision this edit started from; a different current revision is a 409. */
  baseRevision: z.number().int().min(1),
  document: draftDocument,
});

export const commitInput = z.strictObject({
  flowId,
  baseRevision: z.number().int().min(1),
  message: z.string().trim().min(1, 'Describe the change in a few words.').max(2000),
});

export const importInput = z.strictObject({
  document: draftDocument,
  /** Required when the flow already exists: the draft revision being replaced. */
  baseRevision: z.number().int().min(1).optional(),
});

export const exportInput = z.strictObject({
  flowId,
  /** Default: the current draft. */
  versionId: recordId.optional(),
});

export const draftDiffInput = z.strictObject({
  flowId,
  /** Default: the version the draft was last committed as (its base). */
  versionId: recordId.optional(),
});

export const deployedVersionSchema = z.object({ versionId: z.string(), number: z.number(), deployedAt: isoTimestamp }).nullable();

/** Where a draft stands (a flow's or a knowledge base's), as lists show it. */
export const draftStatusSchema = z.object({
  revision: z.number(),
  updatedAt: isoTimestamp,
  updatedBy: actorSchema,
  /** True when the draft was saved after its last commit. */
  changedSinceCommit: z.boolean(),
});
export type DraftStatus = z.output<typeof draftStatusSchema>;

export const flowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: isoTimestamp,
  draft: draftStatusSchema,
  latestVersion: z.object({ id: z.string(), number: z.number(), createdAt: isoTimestamp }).nullable(),
  pendingReviews: z.number(),
  deployments: z.object(Object.fromEntries(environments.map((e) => [e, deployedVersionSchema])) as Record<Environment, typeof deployedVersionSchema>),
});
export type FlowSummary = z.output<typeof flowSummarySchema>;

export interface DraftState {
  flowId: string;
  revision: number;
  updatedAt: string;
  updatedBy: z.output<typeof actorSchema>;
  baseVersionId: string | null;
  document: z.output<typeof draftDocument>;
  /** compileFlow's checks on the draft (errors and warnings), with paths. */
  problems: Problem[];
}
