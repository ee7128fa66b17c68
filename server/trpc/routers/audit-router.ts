// `audit.*` (admin): read the hash-chained audit log and verify it.
import { listAuditInput } from '../../../shared/index.ts';
import { listAudit } from '../../audit/list-audit.ts';
import { verifyAuditLog } from '../../audit/verify-audit-log.ts';
import { requireRoles, router } from '../trpc.ts';

const admin = requireRoles('admin');

export const auditRouter = router({
  list: admin.input(listAuditInput).query(({ ctx, input }) => listAudit(ctx.deps.db, input)),
  verify: admin.query(({ ctx }) => verifyAuditLog(ctx.deps.db)),
});
