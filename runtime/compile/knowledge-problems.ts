// Checks on where a flow's answer nodes look things up: a knowledge base or inline articles (not
// both), unique inline article ids, and answer nodes in a flow with nothing to search.
import { formatPath, type FlowDocument, type Problem } from '../../shared/index.ts';

export function knowledgeProblems(doc: FlowDocument): Problem[] {
  const problems: Problem[] = [];
  const knowledge = doc.knowledge;
  const articles = knowledge?.articles ?? [];
  if (knowledge?.base !== undefined && articles.length > 0) {
    problems.push({
      code: 'invalid_field',
      severity: 'error',
      path: 'knowledge.articles',
      message: `The flow names the knowledge base "${knowledge.base}" and also has inline articles; move the articles into the knowledge base or remove "base".`,
    });
  }
  const seen = new Map<string, number>();
  articles.forEach((article, i) => {
    const first = seen.get(article.id);
    if (first === undefined) seen.set(article.id, i);
    else {
      problems.push({
        code: 'duplicate_id',
        severity: 'error',
        path: formatPath(['knowledge', 'articles', i, 'id']),
        message: `There are two articles with the id "${article.id}" (knowledge.articles[${first}] and knowledge.articles[${i}]); give each a unique id.`,
      });
    }
  });
  if (knowledge?.base === undefined && articles.length === 0) {
    doc.nodes.forEach((node, i) => {
      if (node.type !== 'answer') return;
      problems.push({
        code: 'answer_without_knowledge',
        severity: 'warning',
        path: formatPath(['nodes', i]),
        nodeId: node.id,
        message: `Node ${node.id} (answer) has nothing to search: the flow names no knowledge base ("knowledge.base") and has no inline articles, so it always takes "no_answer".`,
      });
    });
  }
  return problems;
}
