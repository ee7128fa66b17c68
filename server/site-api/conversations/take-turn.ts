// A customer turn (a message, or "talk to a human"): idempotent per key, serialised per
// conversation, effects performed, then state + events + turn record + handoff committed in one
// transaction before the response is returned.
import { turnOutput, type TurnOutput } from '../../../shared/api/site.ts';
import type { EngineEvent } from '../../../runtime/index.ts';
import { sha256Hex } from '../../crypto/digest.ts';
import { conversationRef } from '../../http/request-log.ts';
import { callAction } from '../actions/call-action.ts';
import type { TurnOutcome } from '../../metrics/server-metrics.ts';
import type { SiteCaller } from '../site-caller.ts';
import { siteFail, siteOk, type SiteFailure, type SiteResult } from '../site-failure.ts';
import type { SiteRuntime } from '../site-runtime.ts';
import { redactRun } from '../privacy/redact-turn.ts';
import { lookAhead } from '../flows/look-ahead.ts';
import { compactTrace } from './compact-trace.ts';
import { beforeEffect, updateConversation } from './conversation-writer.ts';
import { currentHandoff, recordEnd, recordHandoff } from './record-handoff.ts';
import { runStep } from './run-engine.ts';
import { findTurn, insertTurnStep } from './turn-records.ts';
import { botMessages, handoffView, turnEvents } from './turn-events.ts';

export type TurnRequest = { kind: 'message'; text: string; idempotencyKey: string } | { kind: 'request_human'; idempotencyKey: string };

export interface TurnReply {
  response: TurnOutput;
  /** `response` as JSON text (serialised once, for storage and the reply alike). */
  body: string;
  /** True when this is the stored response of an earlier request with the same key. */
  replayed: boolean;
  /** The conversation's flow (for metrics and logs). */
  flowId: string;
  /** What the turn did: the bot answered, escalated, ended, passed a message on to a person's conversation, or replayed. */
  outcome: TurnOutcome;
}

export const conversationNotFound = (id: string): SiteFailure => ({
  code: 'conversation_not_found',
  message: `There is no conversation "${id}" for this site key.`,
  path: 'path.id',
});

/**
 * Takes a turn. Unknown conversations, and those of another site or environment, are the same
 * 404. Everything happens under the conversation's lock: a retry waiting behind its original
 * finds the stored reply instead of taking the turn again.
 */
export async function takeTurn(rt: SiteRuntime, caller: SiteCaller, conversationId: string, request: TurnRequest): Promise<SiteResult<TurnReply>> {
  const { db } = rt;
  // The canonical JSON of the request (keys already in sorted order), hashed to tell a retry from a reused key.
  const requestHash = sha256Hex(JSON.stringify(request.kind === 'message' ? { kind: request.kind, text: request.text } : { kind: request.kind }));
  return updateConversation<TurnReply, SiteFailure>(rt.writer, conversationId, {
    missing: conversationNotFound(conversationId),
    busy: { code: 'conversation_busy', message: 'The conversation was changing too fast to take this turn; send it again with the same idempotency key.', path: null },
    plan: async (current) => {
      if (current.row.site_id !== caller.siteId || current.row.environment !== caller.environment) return { ok: false, failure: conversationNotFound(conversationId) };
      const stored = current.turnKeys?.has(request.idempotencyKey) === false ? null : await storedTurn(rt, conversationId, request.idempotencyKey, requestHash, current.row.flow_id);
      if (stored) return stored.ok ? { ok: true, result: stored.value, write: null } : stored;
      const retryAfter = rt.limits.hit(`conversation:${conversationId}`, rt.options.conversationTurnsPerMinute, rt.clock.now().getTime());
      if (retryAfter !== null) {
        return siteFail('rate_limited', `Too many messages in this conversation; wait ${retryAfter} s.`, null, { retryAfterSeconds: retryAfter });
      }
      if (current.row.status === 'ended') {
        return { ok: false, failure: { code: 'conversation_ended', message: 'This conversation has ended; start a new one.', path: 'path.id' } };
      }
      const compiled = await rt.flows.get(current.row.version_id);
      if (!compiled.ok) {
        rt.log.error(`flow version cannot run: ${compiled.message}`, undefined, { conversation: conversationRef(conversationId), version: current.row.version_id });
        return { ok: false, failure: { code: 'flow_unavailable', message: 'The flow of this conversation cannot run right now; try again later.', path: null } };
      }
      const event: EngineEvent = request.kind === 'message' ? { type: 'message', text: request.text } : { type: 'request_human' };
      const raw = await runStep(
        {
          flow: await lookAhead(rt.modelThread, compiled.flow, current.state, event),
          host: rt.host,
          maxActions: rt.options.maxActionsPerTurn,
          perform: async (action) => {
            await beforeEffect(current);
            return callAction(
              { db, fetch: rt.fetch, siteId: current.row.site_id, conversationId, flowId: current.row.flow_id, nowMs: () => rt.clock.now().getTime(), timeoutCapMs: rt.options.actionTimeoutCapMs },
              action,
            );
          },
        },
        current.state,
        event,
      );
      const run = redactRun(compiled.flow, raw, current.state.transcript.length);
      const planned = turnEvents(current.state, run);
      const firstSeq = current.row.last_seq + 1;
      const handoff = planned.handoff
        ? handoffView(planned.handoff, 'waiting', null)
        : run.state.status !== 'active'
          ? await currentHandoff(db, conversationId)
          : null;
      const response: TurnOutput = {
        status: run.state.status,
        messages: botMessages(planned.events, firstSeq),
        handoff,
        lastEventId: firstSeq + planned.events.length - 1,
      };
      const now = rt.clock.now();
      const body = JSON.stringify(response);
      const outcome: TurnOutcome = planned.handoff ? 'escalated' : planned.ended ? 'ended' : current.row.status === 'escalated' ? 'to_agent' : 'answered';
      return {
        ok: true,
        result: { response, body, replayed: false, flowId: current.row.flow_id, outcome },
        write: {
          state: run.state,
          events: planned.events,
          ...(planned.csat !== null ? { csat: { score: planned.csat, comment: null } } : {}),
          queuesWebhooks: planned.handoff !== null || planned.ended,
          turnKey: request.idempotencyKey,
          steps: [
            insertTurnStep(rt.dialect, {
              conversationId,
              key: request.idempotencyKey,
              kind: request.kind,
              requestHash,
              response: body,
              trace: JSON.stringify(run.traces.map(compactTrace)),
              at: now.toISOString(),
            }),
          ],
          ...(planned.handoff || planned.ended
            ? {
                also: async (trx) => {
                  const base = { conversationId, siteId: current.row.site_id, now };
                  if (planned.handoff) await recordHandoff(trx, { ...base, flowId: current.row.flow_id, versionId: current.row.version_id, pkg: planned.handoff });
                  if (planned.ended) await recordEnd(trx, { ...base, outcome: run.state.outcome });
                },
              }
            : {}),
        },
      };
    },
  });
}

/** The stored reply for an idempotency key, a 409 when the key was used for a different request, or null. */
async function storedTurn(rt: SiteRuntime, conversationId: string, key: string, requestHash: string, flowId: string): Promise<SiteResult<TurnReply> | null> {
  const row = await findTurn(rt.db, rt.dialect, conversationId, key);
  if (!row) return null;
  if (row.request_hash !== requestHash) {
    return siteFail('idempotency_key_reused', 'This idempotency key was already used for a different request in this conversation; use a new key for a new message.', 'body.idempotencyKey');
  }
  // Parsed to validate the row and for the route's headers; the body is the stored reply as sent.
  const response = turnOutput.parse(JSON.parse(row.response));
  return siteOk({ response, body: row.response, replayed: true, flowId, outcome: 'replayed' });
}
