// Per-site runtime settings (`siteSettings.*`, admin): allowed browser origins, the secret that
// signs customer data, action webhooks (name → URL) and event webhooks, and delivery history.
import { z } from 'zod';
import { identifier } from '../identifier.ts';
import { customerId, isoTimestamp, recordId } from './common.ts';
import { siteId } from './sites.ts';

export const webhookEvents = ['handoff.created', 'conversation.ended'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

const httpUrl = z
  .string()
  .max(2000)
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'Use an http:// or https:// URL.');

const origin = z
  .string()
  .max(300)
  .refine((o) => {
    try {
      return new URL(o).origin === o;
    } catch {
      return false;
    }
  }, 'Use an origin: scheme, host and port only, such as https://shop.example.com.');

/** A secret the admin chose (at least 16 characters); omitted means "generate one". */
const secretInput = z.string().min(16, 'Use at least 16 characters.').max(200).optional();

export const siteRef = z.strictObject({ siteId });

export const updateSiteSettingsInput = z.strictObject({
  siteId,
  /** Browser origins allowed to call the site API with this site's keys. Empty: any origin. */
  allowedOrigins: z.array(origin).max(50).optional(),
  /** Days conversations are kept after their last change, then purged; null keeps them. */
  retentionDays: z.number().int().min(1).max(3650).nullable().optional(),
});

export const setActionInput = z.strictObject({
  siteId,
  /** The name action nodes use (`lookup_order`). */
  action: identifier,
  url: httpUrl,
  secret: secretInput,
});

export const removeActionInput = z.strictObject({ siteId, action: identifier });

export const addWebhookInput = z.strictObject({
  siteId,
  url: httpUrl,
  /** Default: every event. */
  events: z.array(z.enum(webhookEvents)).min(1).optional(),
  secret: secretInput,
});

export const webhookRef = z.strictObject({ webhookId: recordId });

export const deliveriesInput = z.strictObject({
  siteId,
  /** Default 50. */
  limit: z.number().int().min(1).max(500).default(50),
});

export const siteSettingsView = z.object({
  siteId: z.string(),
  allowedOrigins: z.array(z.string()),
  retentionDays: z.number().int().nullable(),
  /** Whether customer data can be signed, and the start of the secret to recognise it. */
  signing: z.object({ configured: z.boolean(), prefix: z.string().nullable() }),
  actions: z.array(z.object({ action: z.string(), url: z.string(), secretPrefix: z.string(), updatedAt: isoTimestamp })),
  webhooks: z.array(z.object({ id: z.string(), url: z.string(), events: z.array(z.enum(webhookEvents)), secretPrefix: z.string(), createdAt: isoTimestamp })),
});
export type SiteSettingsView = z.output<typeof siteSettingsView>;

export const webhookDeliveryView = z.object({
  id: z.string(),
  webhookId: z.string(),
  url: z.string(),
  event: z.enum(webhookEvents),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.array(
    z.object({ attempt: z.number().int(), at: isoTimestamp, statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number() }),
  ),
  nextAttemptAt: isoTimestamp.nullable(),
  createdAt: isoTimestamp,
});
export type WebhookDeliveryView = z.output<typeof webhookDeliveryView>;

export const customerRef = z.strictObject({ siteId, customerId });

/** Everything stored about one customer of a site (a data-subject access request). */
export const customerExport = z.object({
  siteId: z.string(),
  customerId: z.string(),
  exportedAt: isoTimestamp,
  conversations: z.array(
    z.object({
      conversationId: z.string(),
      flowId: z.string(),
      status: z.string(),
      createdAt: isoTimestamp,
      customer: z.record(z.string(), z.unknown()),
      variables: z.record(z.string(), z.unknown()),
      messages: z.array(z.object({ role: z.string(), text: z.string(), at: z.string() })),
      handoffs: z.array(z.object({ queue: z.string(), priority: z.string(), status: z.string(), createdAt: isoTimestamp })),
      csat: z.object({ score: z.number(), comment: z.string().nullable() }).nullable(),
    }),
  ),
});
export type CustomerExport = z.output<typeof customerExport>;
