// "Which article would answer this?": ranks a question against a draft or a stored version with
// the same runtime code the answer node uses (rank(), the calibrated score, the extract). Indexes
// are cached per process: a version's stored index by the same store the site runtime uses, a
// draft's built index by its content hash (so an edit is never searched stale and two databases
// never share an entry).
import type { Kysely } from 'kysely';
import type { KnowledgeSearchResult } from '../../shared/index.ts';
import { buildKnowledgeIndex, type KnowledgeIndex } from '../../runtime/index.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { parseKnowledgeDraft } from './knowledge-drafts.ts';
import { knowledgeContentHash } from './knowledge-hash.ts';
import { KnowledgeIndexStore } from './knowledge-versions.ts';

const CAPACITY = 8;
const indexes = new Map<string, KnowledgeIndex>();
const versionStores = new WeakMap<Kysely<Database>, KnowledgeIndexStore>();

function versionStore(db: Kysely<Database>): KnowledgeIndexStore {
  let store = versionStores.get(db);
  if (!store) {
    store = new KnowledgeIndexStore(db, CAPACITY);
    versionStores.set(db, store);
  }
  return store;
}

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
    const loaded = await versionStore(db).get(versionId);
    if (!loaded.ok && !loaded.missing) throw new Error(loaded.message);
    if (!loaded.ok || loaded.kbId !== o.kbId) return fail('NOT_FOUND', `There is no such version of knowledge base "${o.kbId}".`);
    index = loaded.index;
    source = { ref: 'version', versionId, number: loaded.number };
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
