// `versions.*`: history, one version in full, and the structural diff between two versions.
import { diffInput, listVersionsInput, versionRef } from '../../../shared/index.ts';
import { diffVersions } from '../../versioning/diff-versions.ts';
import { getVersionDetail, listVersions } from '../../versioning/version-store.ts';
import { STUDIO_READERS } from '../access.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const reader = requireRoles(...STUDIO_READERS);

export const versionsRouter = router({
  list: reader.input(listVersionsInput).query(async ({ ctx, input }) => unwrap(await listVersions(ctx.deps.db, input))),
  get: reader.input(versionRef).query(async ({ ctx, input }) => unwrap(await getVersionDetail(ctx.deps.db, input.versionId))),
  diff: reader.input(diffInput).query(async ({ ctx, input }) => unwrap(await diffVersions(ctx.deps.db, input))),
});
