// Small building blocks shared by the API schemas: ids, pagination, people as the API shows them.
import { z } from 'zod';

/** An opaque server-generated id (users, versions, keys). Unknown ids are 404, not 400. */
export const recordId = z.string().min(1).max(100);

/** A flow id: the `id` of its document (lowercase letters, digits and dashes). */
export const flowId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lowercase letters, digits and dashes (e.g. banking-support).')
  .max(64);

/**
 * A site's own id for one of its customers (a signed token's `sub`, data-subject requests):
 * printable text, since control characters cannot be stored everywhere (PostgreSQL refuses NUL)
 * and an unpaired surrogate would be stored as U+FFFD, making two ids one.
 */
export const customerId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(?:[^\u0000-\u001f\u007f-\u009f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])+$/, 'Use printable text: no control characters or unpaired surrogates.');

/** A SHA-256 digest as 64 lowercase hex characters. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 hex digest.');

/** A person as other records refer to them; `null` where the system acted (seeding). */
export const actorSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string() })
  .nullable();
export type Actor = z.output<typeof actorSchema>;

/** ISO 8601 timestamp in UTC, as stored. */
export const isoTimestamp = z.string();
