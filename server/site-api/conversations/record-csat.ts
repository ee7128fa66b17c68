// The customer's satisfaction score (1–5, with an optional comment): kept on the conversation
// (and in the engine state's `conversation.csat`), and appended as an event so agents see it live.
// A later score replaces an earlier one. The comment is customer text like a message: control
// characters dropped and card numbers, IBANs, e-mail addresses and phone numbers redacted before
// it is stored or sent to anyone; scores count against the conversation's rate limit.
import type { CsatInput } from '../../../shared/api/site.ts';
import { cleanMessage } from '../../../runtime/index.ts';
import { redactPii } from '../privacy/redact-pii.ts';
import type { SiteCaller } from '../site-caller.ts';
import { siteFail, type SiteFailure, type SiteResult } from '../site-failure.ts';
import type { SiteRuntime } from '../site-runtime.ts';
import { updateConversation } from './conversation-writer.ts';
import { conversationNotFound } from './take-turn.ts';

export async function recordCsat(
  rt: SiteRuntime,
  caller: SiteCaller,
  conversationId: string,
  input: CsatInput,
): Promise<SiteResult<{ score: number; comment: string | null; lastEventId: number }>> {
  const cleaned = input.comment === undefined ? '' : redactPii(cleanMessage(input.comment).text);
  const comment = cleaned === '' ? null : cleaned;
  return updateConversation<{ score: number; comment: string | null; lastEventId: number }, SiteFailure>(rt.writer, conversationId, {
    missing: conversationNotFound(conversationId),
    busy: { code: 'conversation_busy', message: 'The conversation was changing too fast; send the score again.', path: null },
    plan: async (current) => {
      if (current.row.site_id !== caller.siteId || current.row.environment !== caller.environment) return { ok: false, failure: conversationNotFound(conversationId) };
      const retryAfter = rt.limits.hit(`conversation:${conversationId}`, rt.options.conversationTurnsPerMinute, rt.clock.now().getTime());
      if (retryAfter !== null) return siteFail('rate_limited', `Too many requests for this conversation; wait ${retryAfter} s.`, null, { retryAfterSeconds: retryAfter });
      const state = { ...current.state, conversation: { ...current.state.conversation, csat: input.score } };
      return {
        ok: true,
        result: { score: input.score, comment, lastEventId: current.row.last_seq + 1 },
        write: { state, events: [{ type: 'csat', score: input.score, comment }], csat: { score: input.score, comment } },
      };
    },
  });
}
