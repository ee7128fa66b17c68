// Answer: looks the customer's last message up in the knowledge base; answers when the best
// article clears the node's threshold, else takes `no_answer`. The score reaches the rule context
// (`kb.score`, `kb.articleId`, `kb.answered`) and the trace notes name the runners-up.
import { renderTemplate } from '../engine/template.ts';
import { next, type NodeExecutor } from './node-executor.ts';

/** Articles named in the trace besides the best one. */
const ALTERNATIVES_IN_TRACE = 2;
/** The hits an answer node asks for (a host that searches ahead asks for the same). */
export const ANSWER_SEARCH_LIMIT = 1 + ALTERNATIVES_IN_TRACE;

export const answerExecutor: NodeExecutor<'answer'> = {
  enter(node, turn) {
    const { threshold } = node.data;
    const knowledge = turn.flow.knowledge;
    if (!knowledge) {
      turn.state.kb = null;
      turn.trace.notes.push('knowledge: the flow has no knowledge base, so answer nodes never answer');
      return next('no_answer');
    }
    const hits = knowledge.search(turn.text, { limit: ANSWER_SEARCH_LIMIT, locale: turn.state.conversation.locale });
    const best = hits[0];
    const answered = best !== undefined && best.score >= threshold;
    turn.state.kb = best ? { articleId: best.articleId, title: best.title, score: best.score, answered } : null;
    if (!best) {
      turn.trace.notes.push(`knowledge: no article matched (threshold ${threshold})`);
      return next('no_answer');
    }
    const others = hits.slice(1).map((h) => `${h.articleId} ${h.score.toFixed(3)}`);
    turn.trace.notes.push(
      `knowledge: best article ${best.articleId} scored ${best.score.toFixed(3)} (threshold ${threshold}) → ${answered ? 'answered' : 'no answer'}` +
        (others.length > 0 ? `; next: ${others.join(', ')}` : ''),
    );
    if (!answered) return next('no_answer');
    turn.say(renderTemplate(node.data.template, { ...turn.context(), kb: { ...best, url: best.url ?? '' } }));
    return next('answered');
  },
};
