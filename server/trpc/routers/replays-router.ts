// `replays.*`: replay before publish — run a candidate against what is deployed, read reports,
// and attach one to the candidate's review request.
import { listReplaysInput, replayRef, runReplayInput, versionRef } from '../../../shared/index.ts';
import { replayFlows } from '../../replays/replay-flows.ts';
import { attachReplay, attachedReplay, getReplay, listReplays } from '../../replays/replay-store.ts';
import { runReplay } from '../../replays/run-replay.ts';
import { STUDIO_READERS, acting } from '../access.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const reader = requireRoles(...STUDIO_READERS);

export const replaysRouter = router({
  /** Replays and stores a report. 412 when nothing is deployed to compare with; 400 with `data.reasons` (one per bad row) for a bad CSV. */
  run: requireRoles('designer', 'reviewer', 'admin')
    .input(runReplayInput)
    .mutation(async ({ ctx, input }) => {
      const { actor } = acting(ctx);
      return unwrap(await runReplay({ db: ctx.deps.db, clock: ctx.deps.clock, ...replayFlows(ctx.deps) }, { ...input, actor }));
    }),
  get: reader.input(replayRef).query(async ({ ctx, input }) => unwrap(await getReplay(ctx.deps.db, input.replayId))),
  list: reader.input(listReplaysInput).query(({ ctx, input }) => listReplays(ctx.deps.db, input)),
  /** The report attached to a version's review request, or null. */
  attached: reader.input(versionRef).query(({ ctx, input }) => attachedReplay(ctx.deps.db, input.versionId)),
  /** Attaches a report to the pending review of the version it was computed for; 409 for any other version or a draft report. */
  attach: requireRoles('designer').input(replayRef).mutation(async ({ ctx, input }) => unwrap(await attachReplay(ctx.deps.db, { ...input, ...acting(ctx) }))),
});
