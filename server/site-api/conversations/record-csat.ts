// The customer's satisfaction score (1–5, with an optional comment): kept on the conversation
// (and in the engine state's `conversation.csat`), and appended as an event so agents see it live.
// A later score replaces an earlier one.
import type { CsatInput } from '../../../shared/api/site.ts';
import type { SiteCaller } from '../site-caller.ts';
import type { SiteFailure, SiteResult } from '../site-failure.ts';
import type { SiteRuntime } from '../site-runtime.ts';
import { updateConversation } from './conversation-writer.ts';
import { conversationNotFound } from './take-turn.ts';

export async function recordCsat(
  rt: SiteRuntime,
  caller: SiteCaller,
  conversationId: string,
  input: CsatInput,
): Promise<SiteResult<{ score: number; comment: string | null; lastEventId: number }>> {
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  return updateConversation<{ score: number; comment: string | null; lastEventId: number }, SiteFailure>(rt.writer, conversationId, {
    missing: conversationNotFound(conversationId),
    busy: { code: 'conversation_busy', message: 'The conversation was changing too fast; send the score again.', path: null },
    plan: async (current) => {
      if (current.row.site_id !== caller.siteId || current.row.environment !== caller.environment) return { ok: false, failure: conversationNotFound(conversationId) };
      const state = { ...current.state, conversation: { ...current.state.conversation, csat: input.score } };
      return {
        ok: true,
        result: { score: input.score, comment, lastEventId: current.row.last_seq + 1 },
        write: { state, events: [{ type: 'csat', score: input.score, comment }], csat: { score: input.score, comment } },
      };
    },
  });
}
