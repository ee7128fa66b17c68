// Deployments (`deployments.*`): what runs where, the gate that decides whether a version may go
// live, and rollback.
import { z } from 'zod';
import { actorSchema, flowId, isoTimestamp, recordId } from './common.ts';
import { environmentSchema } from './roles.ts';

const note = z.string().trim().max(2000);

export const deployInput = z.strictObject({ versionId: recordId, environment: environmentSchema, note: note.optional() });
export const rollbackInput = z.strictObject({
  flowId,
  environment: environmentSchema,
  /** Default: the version that was live before the current one. Must be older and approved. */
  versionId: recordId.optional(),
  note: note.optional(),
});
export const deployCheckInput = z.strictObject({ versionId: recordId, environment: environmentSchema });
export const deploymentHistoryInput = z.strictObject({
  flowId: flowId.optional(),
  environment: environmentSchema.optional(),
  /** Default 100. */
  limit: z.number().int().min(1).max(1000).default(100),
});
export const currentDeploymentsInput = z.strictObject({ flowId: flowId.optional() }).default({});

export const deploymentSchema = z.object({
  id: z.number(),
  flowId: z.string(),
  environment: environmentSchema,
  versionId: z.string(),
  number: z.number(),
  kind: z.enum(['deploy', 'rollback']),
  /** The version that was live before (null for the first deployment). */
  replacedVersionId: z.string().nullable(),
  replacedNumber: z.number().nullable(),
  deployedBy: actorSchema,
  deployedAt: isoTimestamp,
  note: z.string(),
});
export type Deployment = z.output<typeof deploymentSchema>;

export const deployCheckSchema = z.object({
  allowed: z.boolean(),
  /** Why it is not allowed (empty when allowed), one sentence each. */
  reasons: z.array(z.string()),
  /** An independent approval is required for this environment and content. */
  needsApproval: z.boolean(),
  approved: z.boolean(),
  /** Escalation rules, settings or handoff nodes differ from what is live there now. */
  policyChanged: z.boolean(),
  /** What is live in the environment now. */
  replaces: z.object({ versionId: z.string(), number: z.number() }).nullable(),
  alreadyLive: z.boolean(),
});
export type DeployCheck = z.output<typeof deployCheckSchema>;

export const deployOutputSchema = z.object({ deployment: deploymentSchema, unchanged: z.boolean() });
