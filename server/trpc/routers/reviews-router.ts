// `reviews.*`: the review queue and thread, request, approve, reject, comment.
import { approveInput, commentInput, listReviewsInput, rejectInput, requestReviewInput, versionRef } from '../../../shared/index.ts';
import { commentOnVersion, decideReview, requestReview } from '../../reviews/review-actions.ts';
import { getReview, listReviewQueue } from '../../reviews/review-state.ts';
import { STUDIO_READERS, acting } from '../access.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const reader = requireRoles(...STUDIO_READERS);

export const reviewsRouter = router({
  /** Reviews in a state (default pending), newest request first. */
  queue: reader.input(listReviewsInput).query(({ ctx, input }) => listReviewQueue(ctx.deps.db, input)),
  get: reader.input(versionRef).query(async ({ ctx, input }) => unwrap(await getReview(ctx.deps.db, input.versionId))),
  request: requireRoles('designer')
    .input(requestReviewInput)
    .mutation(async ({ ctx, input }) => unwrap(await requestReview(ctx.deps.db, { ...input, ...acting(ctx) }))),
  /** Approves the exact content named by `contentHash`. 403 for any author of the version. */
  approve: requireRoles('reviewer')
    .input(approveInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await decideReview(ctx.deps.db, { versionId: input.versionId, contentHash: input.contentHash, comment: input.comment ?? '', decision: 'approve', ...acting(ctx) })),
    ),
  reject: requireRoles('reviewer')
    .input(rejectInput)
    .mutation(async ({ ctx, input }) => unwrap(await decideReview(ctx.deps.db, { versionId: input.versionId, comment: input.comment, decision: 'reject', ...acting(ctx) }))),
  comment: requireRoles('designer', 'reviewer')
    .input(commentInput)
    .mutation(async ({ ctx, input }) => unwrap(await commentOnVersion(ctx.deps.db, { ...input, ...acting(ctx) }))),
});
