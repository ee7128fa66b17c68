// `dashboard.*` (analyst, admin): one load of figures for a filter, the live tiles, and the filter
// choices. The editor builds its CSV export from the same figures (shared/dashboard-csv.ts).
import { dashboardFilter, liveFilter } from '../../../shared/api/dashboard.ts';
import { dashboardFigures, dashboardLive, dashboardOptions } from '../../dashboard/dashboard.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const analyst = requireRoles('analyst', 'admin');

export const dashboardRouter = router({
  /** Every figure for the period and filters (docs/dashboard.md defines each). */
  figures: analyst.input(dashboardFilter).query(async ({ ctx, input }) => unwrap(await dashboardFigures(ctx.deps.db, ctx.deps.dialect, input))),
  /** Waiting handoffs, oldest waiting age, agent occupancy: now. */
  live: analyst.input(liveFilter.default({})).query(async ({ ctx, input }) => unwrap(await dashboardLive(ctx.deps.db, input, ctx.deps.clock.now()))),
  /** Flows, versions, channels and queues to filter by, and the span of stored conversations. */
  options: analyst.query(({ ctx }) => dashboardOptions(ctx.deps.db)),
});
