// Sites and their API keys (`sites.*`, admin only). A key is shown once at creation; only its
// SHA-256 is stored.
import { z } from 'zod';
import { actorSchema, isoTimestamp, recordId } from './common.ts';
import { environmentSchema } from './roles.ts';

export const siteId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lowercase letters, digits and dashes.')
  .max(64);

export const createSiteInput = z.strictObject({ id: siteId, name: z.string().trim().min(1).max(200) });
export const createKeyInput = z.strictObject({
  siteId,
  environment: environmentSchema,
  label: z.string().trim().max(200).default(''),
});
export const revokeKeyInput = z.strictObject({ keyId: recordId });

export const siteKeySchema = z.object({
  id: z.string(),
  siteId: z.string(),
  environment: environmentSchema,
  /** The first characters of the key, to recognise it (`sb_live_AbC…`). */
  prefix: z.string(),
  label: z.string(),
  createdBy: actorSchema,
  createdAt: isoTimestamp,
  revokedAt: isoTimestamp.nullable(),
});
export type SiteKey = z.output<typeof siteKeySchema>;

export const siteSchema = z.object({ id: z.string(), name: z.string(), createdAt: isoTimestamp, keys: z.array(siteKeySchema) });
export type Site = z.output<typeof siteSchema>;

export const createdKeySchema = z.object({
  key: siteKeySchema,
  /** The secret, shown this once. */
  secret: z.string(),
});
