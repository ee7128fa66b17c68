// "Which article would answer this?": ranks a question against a draft or a stored version with
// the same runtime code the answer node uses (rank(), the calibrated score, the extract). Indexes
// are cached per process: a version's stored index by its id, a draft's built index by its
// content hash (so an edit is never searched stale and two databases never share an entry).
import type { Kysely } from 'kysely';
import type { KnowledgeSearchResult } from '../../shared/index.ts';
import { buildKnowledgeIndex, loadKnowledgeIndex, type KnowledgeIndex } from '../../runtime/index.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { parseKnowledgeDraft } from './knowledge-drafts.ts';
import { knowledgeContentHash } from './knowledge-hash.ts';

const CAPACITY = 8;
const indexes = new Map<string, KnowledgeIndex>();

function cached(key: string, make: () => KnowledgeIndex): KnowledgeIndex {
  const hit = indexes.get(key);
  if (hit) {
    indexes.delete(key);
    indexes.set(key, hit);
    return hit;
  }
  const index = make();
  indexes.set(key, index);
  while (indexes.size > CAPACITY) indexes.delete(indexes.keys().next().value!);
  return index;
}

export interface SearchKnowledgeOptions {
  kbId: string;
  versionId?: string | undefined;
  query: string;
  threshold: number;
  limit: number;
}

export async function searchKnowledge(db: Kysely<Database>, o: SearchKnowledgeOptions): Promise<Result<KnowledgeSearchResult>> {
  let index: KnowledgeIndex;
  let source: KnowledgeSearchResult['source'];
  if (o.versionId === undefined) {
    const draft = await db.selectFrom('knowledge_drafts').select(['document', 'revision']).where('kb_id', '=', o.kbId).executeTakeFirst();
    if (!draft) return fail('NOT_FOUND', `There is no knowledge base "${o.kbId}".`);
    const doc = parseKnowledgeDraft(draft.document, o.kbId);
    index = cached(`draft:${knowledgeContentHash(doc)}`, () => buildKnowledgeIndex(doc));
    source = { ref: 'draft', revision: Number(draft.revision) };
  } else {
    const versionId = o.versionId;
    const row = await db.selectFrom('knowledge_versions').select(['id', 'number']).where('id', '=', versionId).where('kb_id', '=', o.kbId).executeTakeFirst();
    if (!row) return fail('NOT_FOUND', `There is no such version of knowledge base "${o.kbId}".`);
    const stored = indexes.get(`version:${versionId}`)
      ? undefined
      : await db.selectFrom('knowledge_versions').select('search_index').where('id', '=', versionId).executeTakeFirstOrThrow();
    index = cached(`version:${versionId}`, () => loadKnowledgeIndex(JSON.parse(stored!.search_index)));
    source = { ref: 'version', versionId, number: Number(row.number) };
  }
  const started = performance.now();
  const ranked = index.rank(o.query, { limit: o.limit });
  const ms = performance.now() - started;
  const hits = ranked.map((r) => ({
    articleId: r.articleId,
    title: r.title,
    url: r.url,
    extract: r.extract,
    score: r.score,
    bm25: r.bm25,
    matchedTerms: r.matchedTerms,
    clearsThreshold: r.score >= o.threshold,
  }));
  return ok({ source, threshold: o.threshold, articleCount: index.articleCount, hits, answered: hits[0]?.clearsThreshold ?? false, ms });
}
