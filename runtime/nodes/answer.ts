// Answer: looks the customer's last message up in the knowledge base; answers when the best
// article clears the node's threshold, else takes `no_answer`. The score reaches the rule context.
import { renderTemplate } from '../engine/template.ts';
import { next, type NodeExecutor } from './node-executor.ts';

export const answerExecutor: NodeExecutor<'answer'> = {
  enter(node, turn) {
    const hit = turn.flow.knowledge?.search(turn.text, 1)[0];
    turn.state.kb = hit ? { articleId: hit.articleId, title: hit.title, score: hit.score } : null;
    turn.trace.notes.push(
      hit ? `knowledge: best article ${hit.articleId} scored ${hit.score.toFixed(3)} (threshold ${node.data.threshold})` : 'knowledge: no article matched',
    );
    if (!hit || hit.score < node.data.threshold) return next('no_answer');
    turn.say(renderTemplate(node.data.template, { ...turn.context(), kb: { ...hit, url: hit.url ?? '' } }));
    return next('answered');
  },
};
