// `customers.*` (admin): data-subject requests — export or delete everything stored about one
// customer of a site.
import { customerRef } from '../../../shared/api/site-settings.ts';
import { deleteCustomer, exportCustomer } from '../../site-settings/customer-data.ts';
import { acting } from '../access.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const admin = requireRoles('admin');

export const customersRouter = router({
  export: admin.input(customerRef).query(async ({ ctx, input }) => unwrap(await exportCustomer(ctx.deps.db, { ...input, now: ctx.deps.clock.now() }))),
  delete: admin.input(customerRef).mutation(async ({ ctx, input }) => {
    const deleted = unwrap(await deleteCustomer(ctx.deps.db, { ...input, ...acting(ctx) }));
    // The site runtime's cached conversations must not outlive the rows.
    if (deleted.conversations > 0) ctx.deps.site?.writer.states?.clear();
    return deleted;
  }),
});
