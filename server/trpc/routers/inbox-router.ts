// `inbox.*` (agent): the handoff queue, one handoff with its package and transcript, claim
// (atomic), reply to the customer (live in the widget), resolve. The agent inbox UI builds on it.
import { handoffRef, inboxListInput, inboxReplyInput, inboxResolveInput } from '../../../shared/api/inbox.ts';
import { claimHandoff, replyToCustomer, resolveHandoff } from '../../inbox/agent-actions.ts';
import { handoffDetail } from '../../inbox/handoff-detail.ts';
import { listInbox } from '../../inbox/list-inbox.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const agent = requireRoles('agent');

export const inboxRouter = router({
  /** Open handoffs (or by status), highest priority first, then oldest. */
  list: agent.input(inboxListInput).query(({ ctx, input }) => listInbox(ctx.deps.db, input)),
  get: agent.input(handoffRef).query(async ({ ctx, input }) => unwrap(await handoffDetail(ctx.deps.db, input.handoffId))),
  /** 409 when another agent claimed it first. */
  claim: agent.input(handoffRef).mutation(async ({ ctx, input }) =>
    unwrap(await claimHandoff(ctx.deps, { handoffId: input.handoffId, agent: { id: ctx.user.id, name: ctx.user.name }, now: ctx.deps.clock.now() })),
  ),
  reply: agent.input(inboxReplyInput).mutation(async ({ ctx, input }) =>
    unwrap(await replyToCustomer(ctx.deps, { ...input, agent: { id: ctx.user.id, name: ctx.user.name }, now: ctx.deps.clock.now() })),
  ),
  resolve: agent.input(inboxResolveInput).mutation(async ({ ctx, input }) =>
    unwrap(await resolveHandoff(ctx.deps, { ...input, agent: { id: ctx.user.id, name: ctx.user.name }, now: ctx.deps.clock.now() })),
  ),
});
