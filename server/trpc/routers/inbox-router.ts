// `inbox.*` (agent): the handoff queue (also live, as a subscription), one handoff with its package
// and transcript (also live), claim (atomic), "typing…" and the reply to the customer (live in the
// widget), hand back to the bot at a node, resolve, and the agent's label on the escalation.
import { handoffRef, inboxHandBackInput, inboxLabelInput, inboxListInput, inboxReplyInput, inboxResolveInput } from '../../../shared/api/inbox.ts';
import { claimHandoff, replyToCustomer, resolveHandoff } from '../../inbox/agent-actions.ts';
import { agentTyping } from '../../inbox/agent-typing.ts';
import { handBackToBot } from '../../inbox/hand-back.ts';
import { handoffDetail } from '../../inbox/handoff-detail.ts';
import { labelHandoff } from '../../inbox/handoff-labels.ts';
import { knownQueues, listInbox } from '../../inbox/list-inbox.ts';
import { liveRead } from '../../inbox/live-reads.ts';
import { toTRPCError, unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const agent = requireRoles('agent');

export const inboxRouter = router({
  /** Open handoffs (or by status), highest priority first, then oldest. */
  list: agent.input(inboxListInput).query(({ ctx, input }) => listInbox(ctx.deps.db, input)),
  /** The same list, pushed again whenever a conversation changes (SSE). */
  feed: agent.input(inboxListInput).subscription(({ ctx, input, signal }) =>
    liveRead({
      read: () => listInbox(ctx.deps.db, input),
      subscribe: ctx.deps.site ? (poke) => ctx.deps.site!.bus.subscribeAll(poke) : null,
      signal,
      runtime: ctx.deps.site,
    }),
  ),
  /** Every queue a handoff was ever sent to, for the agent's queue picker. */
  queues: agent.query(({ ctx }) => knownQueues(ctx.deps.db)),
  get: agent.input(handoffRef).query(async ({ ctx, input }) => unwrap(await handoffDetail(ctx.deps.db, input.handoffId))),
  /** One handoff, pushed again whenever its conversation changes (SSE). */
  watch: agent.input(handoffRef).subscription(async function* ({ ctx, input, signal }) {
    // Only the conversation id here: liveRead's first read sends the whole detail.
    const handoff = await ctx.deps.db.selectFrom('handoffs').select('conversation_id').where('id', '=', input.handoffId).executeTakeFirst();
    if (!handoff) throw toTRPCError({ code: 'NOT_FOUND', message: 'There is no such handoff.' });
    const site = ctx.deps.site;
    yield* liveRead({
      read: async () => unwrap(await handoffDetail(ctx.deps.db, input.handoffId)),
      subscribe: site ? (poke) => site.bus.subscribe(handoff.conversation_id, poke) : null,
      signal,
      runtime: site,
    });
  }),
  /** 409 when another agent claimed it first. */
  claim: agent.input(handoffRef).mutation(async ({ ctx, input }) =>
    unwrap(await claimHandoff(ctx.deps, { handoffId: input.handoffId, agent: { id: ctx.user.id, name: ctx.user.name }, now: ctx.deps.clock.now() })),
  ),
  reply: agent.input(inboxReplyInput).mutation(async ({ ctx, input }) =>
    unwrap(await replyToCustomer(ctx.deps, { ...input, agent: { id: ctx.user.id, name: ctx.user.name }, now: ctx.deps.clock.now() })),
  ),
  /** The customer sees "<agent> is typing…" for a few seconds; only the agent holding the handoff may send it. */
  typing: agent.input(handoffRef).mutation(async ({ ctx, input }) =>
    unwrap(await agentTyping(ctx.deps, { handoffId: input.handoffId, agent: { id: ctx.user.id, name: ctx.user.name } })),
  ),
  /** The bot takes over again at a node of the conversation's version; the handoff is resolved as `handed_back`. */
  handBack: agent.input(inboxHandBackInput).mutation(async ({ ctx, input }) =>
    unwrap(await handBackToBot(ctx.deps, { ...input, agent: { id: ctx.user.id, name: ctx.user.name }, now: ctx.deps.clock.now() })),
  ),
  resolve: agent.input(inboxResolveInput).mutation(async ({ ctx, input }) =>
    unwrap(await resolveHandoff(ctx.deps, { ...input, agent: { id: ctx.user.id, name: ctx.user.name }, now: ctx.deps.clock.now() })),
  ),
  /** Was a person needed, and (when the bot misunderstood) the right intent: one label per handoff, replaced on each call. */
  label: agent.input(inboxLabelInput).mutation(async ({ ctx, input }) =>
    unwrap(await labelHandoff(ctx.deps.db, { ...input, agent: { id: ctx.user.id, name: ctx.user.name }, now: ctx.deps.clock.now() })),
  ),
});
