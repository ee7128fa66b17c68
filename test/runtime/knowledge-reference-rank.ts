// The knowledge ranking as it was before top-k-scorer.ts: the planned terms handed to MiniSearch's
// own search(), every match materialised, then the best `limit` picked. Tests compare the fast path
// with it; it reads only a stored index (toJSON), so it shares no scoring code with the runtime.
import MiniSearch, { type SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { MAX_QUERY_TERMS, type SerializedKnowledgeIndex } from '../../runtime/knowledge/index.ts';
import { planQuery, type FieldFrequencies, type PlannedFields } from '../../runtime/knowledge/query-plan.ts';
import { relevanceScore } from '../../runtime/knowledge/relevance-score.ts';
import { MAX_QUERY_CHARS, searchTerms, termProcessor } from '../../runtime/knowledge/search-terms.ts';

const FIELDS = ['title', 'tags', 'body'];

export interface ReferenceHit {
  articleId: string;
  score: number;
  bm25: number;
  matchedTerms: string[];
}

/** A ranker over a stored index, answering as `rank()` did with MiniSearch's search (ids, scores, BM25, matched words). */
export function referenceRanker(stored: SerializedKnowledgeIndex): (query: string, options?: { limit?: number; locale?: string }) => ReferenceHit[] {
  const search = MiniSearch.loadJS<{ id: number }>(stored.minisearch, { idField: 'id', fields: FIELDS, storeFields: [] });
  const process = termProcessor(stored.locale);
  const n = stored.articles.length;
  const vocabulary = SearchableMap.from<FieldFrequencies>(Object.entries(stored.documentFrequency));
  const { boosts, bm25 } = stored.tuning;
  const languageOf = (locale: string): string => locale.toLowerCase().split('-')[0]!;
  const articleLanguages = stored.articles.map((a) => languageOf(a.locale ?? stored.locale));
  const oneLanguage = articleLanguages.every((l) => l === articleLanguages[0]) ? (articleLanguages[0] ?? null) : null;

  return (query, options = {}) => {
    const words = searchTerms(query.slice(0, MAX_QUERY_CHARS), process).slice(0, MAX_QUERY_TERMS);
    if (words.length === 0 || n === 0) return [];
    const language = options.locale ? languageOf(options.locale) : null;
    if (language && oneLanguage && language !== oneLanguage) return [];
    const plan = planQuery(words, vocabulary, n, stored.tuning);
    if (plan.length === 0) return [];
    const weights = new Map(plan.map((p) => [p.term, p.weight]));
    const sourcesOf = new Map(plan.map((p) => [p.term, p.sources]));
    const filter = language && !oneLanguage ? (r: { id: number }) => articleLanguages[r.id] === language : undefined;
    const searchOptions: SearchOptions = {
      boost: { ...boosts },
      bm25: { ...bm25 },
      combineWith: 'OR',
      tokenize: (q) => q.split(' '),
      processTerm: (term) => term,
      boostTerm: (term) => weights.get(term) ?? 1,
      prefix: false,
      fuzzy: false,
      ...(filter ? { filter } : {}),
    };
    const group = (fields: PlannedFields, names: string[]) => {
      const terms = plan.filter((p) => p.fields === fields).map((p) => p.term);
      return terms.length > 0 ? [{ queries: [terms.join(' ')], fields: names }] : [];
    };
    const results = search.search({ combineWith: 'OR', queries: [...group('all', FIELDS), ...group('short', ['title', 'tags']), ...group('title', ['title'])] }, searchOptions);
    const expanded = plan.some((p) => p.weight !== 1 || p.sources.length !== 1);
    const limit = Math.max(1, Math.min(Math.floor(options.limit ?? 3) || 1, 50));
    const top: Array<{ id: number; bm25: number; terms: string[] }> = [];
    for (const r of results) {
      let score = r.score;
      if (expanded && r.queryTerms.length > 1) {
        const matched = new Set<string>();
        for (const t of r.queryTerms) for (const source of sourcesOf.get(t) ?? []) matched.add(source);
        score = (r.score / r.queryTerms.length) * matched.size;
      }
      if (top.length === limit && score <= top[limit - 1]!.bm25) continue;
      let i = top.length;
      while (i > 0 && top[i - 1]!.bm25 < score) i--;
      top.splice(i, 0, { id: r.id as number, bm25: score, terms: r.queryTerms });
      if (top.length > limit) top.pop();
    }
    return top.map((r) => ({
      articleId: stored.articles[r.id]!.id,
      score: relevanceScore({ bm25: r.bm25, queryTerms: words.length, articleCount: n, d: bm25.d, boostSum: boosts.title + boosts.tags + boosts.body }),
      bm25: r.bm25,
      matchedTerms: [...new Set(r.terms.flatMap((t) => sourcesOf.get(t) ?? []))],
    }));
  };
}
