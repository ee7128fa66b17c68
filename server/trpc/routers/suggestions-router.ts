// `suggestions.*` (designer, admin): training examples agents suggested by labelling escalations,
// per flow; add one to the flow's draft (revision-checked) or dismiss it.
import { suggestionAddInput, suggestionDismissInput, suggestionsListInput } from '../../../shared/api/suggestions.ts';
import { userActor } from '../../actor.ts';
import { addSuggestion, dismissSuggestion, listSuggestions } from '../../suggestions/training-suggestions.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const designer = requireRoles('designer', 'admin');

export const suggestionsRouter = router({
  /** Open suggestions of a flow, oldest first. */
  list: designer.input(suggestionsListInput).query(({ ctx, input }) => listSuggestions(ctx.deps.db, input.flowId)),
  /** Adds the example to the draft at `baseRevision` (CONFLICT when the draft moved on) and marks the suggestion added. */
  add: designer.input(suggestionAddInput).mutation(async ({ ctx, input }) =>
    unwrap(await addSuggestion(ctx.deps.db, { ...input, actor: userActor(ctx.user), now: ctx.deps.clock.now() })),
  ),
  dismiss: designer.input(suggestionDismissInput).mutation(async ({ ctx, input }) => unwrap(await dismissSuggestion(ctx.deps.db, input.handoffId))),
});
