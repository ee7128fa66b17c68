// `sites.*` (admin): sites and their API keys; a key's secret is returned once, at creation.
import { createKeyInput, createSiteInput, revokeKeyInput } from '../../../shared/index.ts';
import { createSite, createSiteKey, listSites, revokeSiteKey } from '../../sites/site-keys.ts';
import { acting } from '../access.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const admin = requireRoles('admin');

export const sitesRouter = router({
  list: admin.query(({ ctx }) => listSites(ctx.deps.db)),
  create: admin.input(createSiteInput).mutation(async ({ ctx, input }) => unwrap(await createSite(ctx.deps.db, { ...input, ...acting(ctx) }))),
  createKey: admin.input(createKeyInput).mutation(async ({ ctx, input }) => unwrap(await createSiteKey(ctx.deps.db, { ...input, ...acting(ctx) }))),
  revokeKey: admin.input(revokeKeyInput).mutation(async ({ ctx, input }) => unwrap(await revokeSiteKey(ctx.deps.db, { ...input, ...acting(ctx) }))),
});
