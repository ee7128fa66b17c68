// `siteSettings.*` (admin): a site's allowed origins, customer-data signing secret, action URLs,
// event webhooks and their delivery history. Generated secrets are returned once.
import {
  addWebhookInput,
  deliveriesInput,
  removeActionInput,
  setActionInput,
  siteRef,
  updateSiteSettingsInput,
  webhookRef,
} from '../../../shared/api/site-settings.ts';
import {
  addWebhook,
  getSiteSettings,
  listDeliveries,
  removeSiteAction,
  removeWebhook,
  rotateSigningSecret,
  setSiteAction,
  updateSiteSettings,
} from '../../site-settings/site-settings.ts';
import { acting } from '../access.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const admin = requireRoles('admin');

export const siteSettingsRouter = router({
  get: admin.input(siteRef).query(async ({ ctx, input }) => unwrap(await getSiteSettings(ctx.deps.db, input.siteId))),
  update: admin.input(updateSiteSettingsInput).mutation(async ({ ctx, input }) => unwrap(await updateSiteSettings(ctx.deps.db, { ...input, ...acting(ctx) }))),
  rotateSigningSecret: admin.input(siteRef).mutation(async ({ ctx, input }) => unwrap(await rotateSigningSecret(ctx.deps.db, { ...input, ...acting(ctx) }))),
  setAction: admin.input(setActionInput).mutation(async ({ ctx, input }) => unwrap(await setSiteAction(ctx.deps.db, { ...input, ...acting(ctx) }))),
  removeAction: admin.input(removeActionInput).mutation(async ({ ctx, input }) => unwrap(await removeSiteAction(ctx.deps.db, { ...input, ...acting(ctx) }))),
  addWebhook: admin.input(addWebhookInput).mutation(async ({ ctx, input }) => unwrap(await addWebhook(ctx.deps.db, { ...input, ...acting(ctx) }))),
  removeWebhook: admin.input(webhookRef).mutation(async ({ ctx, input }) => unwrap(await removeWebhook(ctx.deps.db, { ...input, ...acting(ctx) }))),
  deliveries: admin.input(deliveriesInput).query(async ({ ctx, input }) => unwrap(await listDeliveries(ctx.deps.db, input))),
});
