// Turns untrusted JSON into a KnowledgeBaseDocument, or every problem with its path (schema
// problems, duplicate article ids), the same way parseFlow reports a flow's.
import { KNOWLEDGE_SCHEMA_VERSION, knowledgeBaseDocument, type KnowledgeBaseDocument } from './knowledge.ts';
import { zodProblems } from './parse-flow.ts';
import { formatPath, type Problem } from './problem.ts';

export type ParseKnowledgeBaseResult = { ok: true; kb: KnowledgeBaseDocument } | { ok: false; problems: Problem[] };

/** Parses a knowledge-base document (already JSON-decoded). Unknown fields are problems. */
export function parseKnowledgeBase(input: unknown): ParseKnowledgeBaseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ code: 'invalid_document', severity: 'error', path: '', message: 'A knowledge base must be a JSON object.' }] };
  }
  const version = (input as Record<string, unknown>).schemaVersion;
  if (version !== KNOWLEDGE_SCHEMA_VERSION) {
    const message = `This file has schemaVersion ${JSON.stringify(version)}; this version of Switchboard reads knowledge bases with schemaVersion ${KNOWLEDGE_SCHEMA_VERSION}.`;
    return { ok: false, problems: [{ code: 'unsupported_schema_version', severity: 'error', path: 'schemaVersion', message }] };
  }
  const parsed = knowledgeBaseDocument.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, [], 'The knowledge base') };
  const problems = duplicateArticles(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, kb: parsed.data };
}

function duplicateArticles(kb: KnowledgeBaseDocument): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  kb.articles.forEach((article, index) => {
    const earlier = first.get(article.id);
    if (earlier === undefined) first.set(article.id, index);
    else {
      problems.push({
        code: 'duplicate_id',
        severity: 'error',
        path: formatPath(['articles', index, 'id']),
        message: `Articles ${earlier + 1} and ${index + 1} both have the id "${article.id}"; article ids must be unique.`,
      });
    }
  });
  return problems;
}
