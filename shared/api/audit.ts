// The audit trail as the API shows it (`audit.*`): hash-chained entries and the result of
// verifying the chain.
import { z } from 'zod';
import { isoTimestamp } from './common.ts';
import { jsonObjectSchema } from '../json.ts';

export const listAuditInput = z.strictObject({
  /** Default 100, newest first. */
  limit: z.number().int().min(1).max(1000).default(100),
  /** Entries with a sequence number below this (paging). */
  beforeSeq: z.number().int().min(1).optional(),
});

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: isoTimestamp,
  /** User id, or null for the system (seeding, bootstrap). */
  actorId: z.string().nullable(),
  /** E-mail of the user at the time, or `system`. */
  actor: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  details: jsonObjectSchema,
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

export const auditProblemSchema = z.object({
  seq: z.number(),
  kind: z.enum(['hash_mismatch', 'broken_link', 'missing_entries', 'head_mismatch', 'unreadable']),
  message: z.string(),
});
export type AuditProblem = z.output<typeof auditProblemSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number(),
  /** Hash of the newest entry: record it elsewhere to detect truncation later. */
  headHash: z.string(),
  problems: z.array(auditProblemSchema),
});
export type AuditVerification = z.output<typeof auditVerificationSchema>;
