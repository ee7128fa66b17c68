// Starts a conversation on the version deployed in the key's environment now (it stays on that
// version), with the customer fields resolved (signed, unsigned, opted out), and commits its
// opening messages before answering. With an idempotency key the conversation id is derived from
// the site, environment and key, so a retried start finds the conversation it created (its
// opening turn record holds the response) and a concurrent duplicate collides on the id.
import { createHash } from 'node:crypto';
import { startConversationOutput, type StartConversationInput, type StartConversationOutput } from '../../../shared/api/site.ts';
import { canonicalJson } from '../../crypto/canonical-json.ts';
import { randomToken, sha256Hex } from '../../crypto/digest.ts';
import { callAction } from '../actions/call-action.ts';
import { resolveCustomer } from '../customers/resolve-customer.ts';
import type { SiteCaller } from '../site-caller.ts';
import { siteFail, siteOk, type SiteResult } from '../site-failure.ts';
import type { SiteRuntime } from '../site-runtime.ts';
import { redactRun } from '../privacy/redact-turn.ts';
import { compactTrace } from './compact-trace.ts';
import { insertConversation } from './conversation-writer.ts';
import { recordEnd, recordHandoff } from './record-handoff.ts';
import { runStart } from './run-engine.ts';
import { findTurn, insertTurnStep } from './turn-records.ts';
import { botMessages, handoffView, turnEvents } from './turn-events.ts';

/** The turns-table key of a conversation's opening turn (client keys cannot contain spaces). */
export const START_TURN_KEY = 'start turn';

export interface StartReply {
  output: StartConversationOutput;
  /** True when this is the stored response of an earlier start with the same idempotency key. */
  replayed: boolean;
}

type Caller = SiteCaller & { signingSecret: string | null };

/**
 * A new conversation's id: `conv_`, its creation time (milliseconds, 12 hex digits), then 144
 * random bits. Starting with the time puts the conversations that are talking now together at
 * the end of every index keyed by conversation (events, turns, the conversations themselves), so
 * a commit of several turns rewrites a few shared index pages instead of one page per turn
 * scattered through each index (about 15% less writer-thread CPU per turn, docs/benchmarks.md
 * "Site runtime"). The time says when the conversation started; the random bits make the id a
 * capability.
 */
export function newConversationId(nowMs: number): string {
  return `conv_${nowMs.toString(16).padStart(12, '0')}${randomToken(18)}`;
}

/** The id of a start with an idempotency key: `conv_` + 144 bits of a hash of site, environment and key. */
export function conversationIdFor(caller: SiteCaller, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`switchboard start\0${caller.siteId}\0${caller.environment}\0${idempotencyKey}`).digest();
  return `conv_${digest.subarray(0, 18).toString('base64url')}`;
}

export async function startConversation(rt: SiteRuntime, caller: Caller, input: StartConversationInput): Promise<SiteResult<StartReply>> {
  if (input.idempotencyKey === undefined) return start(rt, caller, input, newConversationId(rt.clock.now().getTime()), sha256Hex('start'));
  const conversationId = conversationIdFor(caller, input.idempotencyKey);
  const requestHash = sha256Hex(canonicalJson({ kind: 'start', ...input }));
  // In this process duplicates wait for the first; across processes the id collides.
  return rt.writer.locks.run(conversationId, async () => {
    const stored = await storedStart(rt, conversationId, requestHash);
    if (stored) return stored;
    try {
      return await start(rt, caller, input, conversationId, requestHash);
    } catch (error) {
      const raced = await storedStart(rt, conversationId, requestHash);
      if (raced) return raced;
      throw error;
    }
  });
}

/** The stored opening response of a keyed start, a 409 for the same key with another request, or null. */
async function storedStart(rt: SiteRuntime, conversationId: string, requestHash: string): Promise<SiteResult<StartReply> | null> {
  const row = await findTurn(rt.db, rt.dialect, conversationId, START_TURN_KEY);
  if (!row) return null;
  if (row.request_hash !== requestHash) {
    return siteFail('idempotency_key_reused', 'This idempotency key already started a conversation with a different request; use a new key for a new conversation.', 'body.idempotencyKey');
  }
  return siteOk({ output: startConversationOutput.parse(JSON.parse(row.response)), replayed: true });
}

async function start(rt: SiteRuntime, caller: Caller, input: StartConversationInput, conversationId: string, requestHash: string): Promise<SiteResult<StartReply>> {
  const now = rt.clock.now();
  const customer = resolveCustomer({
    unsigned: input.customer,
    token: input.customerToken,
    personalisation: input.personalisation ?? true,
    signingSecret: caller.signingSecret,
    nowMs: now.getTime(),
  });
  if (!customer.ok) return customer;
  const version = await rt.liveVersions.get(input.flowId, caller.environment, now.getTime());
  if (!version) return siteFail('flow_not_deployed', `No version of the flow "${input.flowId}" is deployed to ${caller.environment}.`, 'body.flowId');
  const compiled = await rt.flows.get(version.id);
  if (!compiled.ok) {
    rt.log.error(`flow ${input.flowId}: ${compiled.message}`);
    return siteFail('flow_unavailable', `The flow "${input.flowId}" cannot run right now; try again later.`, null);
  }

  const raw = await runStart(
    {
      flow: compiled.flow,
      host: rt.host,
      maxActions: rt.options.maxActionsPerTurn,
      perform: (action) =>
        callAction(
          { db: rt.db, fetch: rt.fetch, siteId: caller.siteId, conversationId, flowId: input.flowId, nowMs: () => rt.clock.now().getTime(), timeoutCapMs: rt.options.actionTimeoutCapMs },
          action,
        ),
    },
    {
      conversationId,
      ...(input.channel ? { channel: input.channel } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
      customer: customer.value.customer,
    },
  );
  const run = redactRun(compiled.flow, raw, 0);
  const planned = turnEvents(null, run);
  const output: StartConversationOutput = {
    conversationId,
    status: run.state.status,
    flow: { id: input.flowId, versionId: version.id, version: version.number },
    messages: botMessages(planned.events, 1),
    handoff: planned.handoff ? handoffView(planned.handoff, 'waiting', null) : null,
    lastEventId: planned.events.length,
  };
  const at = rt.clock.now();
  await insertConversation(rt.writer, {
    row: {
      id: conversationId,
      site_id: caller.siteId,
      environment: caller.environment,
      flow_id: input.flowId,
      version_id: version.id,
      customer_id: customer.value.customerId,
      customer_verified: customer.value.verified ? 1 : 0,
      channel: run.state.conversation.channel,
      locale: run.state.conversation.locale,
      csat_score: null,
      csat_comment: null,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    },
    write: {
      state: run.state,
      events: planned.events,
      queuesWebhooks: planned.handoff !== null || planned.ended,
      turnKey: START_TURN_KEY,
      steps: [
        insertTurnStep(rt.dialect, {
          conversationId,
          key: START_TURN_KEY,
          kind: 'start',
          requestHash,
          response: JSON.stringify(output),
          trace: JSON.stringify(run.traces.map(compactTrace)),
          at: at.toISOString(),
        }),
      ],
      ...(planned.handoff || planned.ended
        ? {
            also: async (trx) => {
              const base = { conversationId, siteId: caller.siteId, now: at };
              if (planned.handoff) await recordHandoff(trx, { ...base, flowId: input.flowId, versionId: version.id, pkg: planned.handoff });
              if (planned.ended) await recordEnd(trx, { ...base, outcome: run.state.outcome });
            },
          }
        : {}),
    },
  });
  return siteOk({ output, replayed: false });
}
