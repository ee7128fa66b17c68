// The answers `npx tsx bench/knowledge.ts` times are the answers MiniSearch's search gave: its
// 10,000 generated articles and 3,000 queries (half with a typo), ranked by the top-k walk and by
// the MiniSearch reference from the stored index, as the bench loads it (~10 s of CPU). Also the
// banking help centre on the BANKING77 development split and CLINC150 out-of-scope questions
// (docs/knowledge.md). Node only: reads the data sets.
import { describe, expect, it } from 'vitest';
import { benchQueries, generatedArticles } from '../../bench/knowledge.ts';
import { buildKnowledgeIndex, loadKnowledgeIndex, type KnowledgeIndex } from '../../runtime/knowledge/index.ts';
import { buildHelpCentre } from '../../scripts/banking/build-help-centre.ts';
import { banking77Split } from '../../scripts/split-banking77.ts';
import { parseKnowledgeBase } from '../../shared/index.ts';
import { referenceRanker } from '../runtime/knowledge-reference-rank.ts';

/** Finds the queries whose ranking differs from the reference's (ids, scores, BM25 or matched words); at most 5 are shown. */
function rankingDifferences(index: KnowledgeIndex): (queries: readonly string[], limit: number) => string[] {
  // The stored form as an object: a JSON round trip gives the same rankings (knowledge-index.test.ts) and takes seconds here.
  const stored = index.toJSON();
  const loaded = loadKnowledgeIndex(stored);
  const reference = referenceRanker(stored);
  return (queries, limit) => {
    const out: string[] = [];
    for (const query of queries) {
      const got = loaded.rank(query, { limit }).map((h) => ({ articleId: h.articleId, score: h.score, bm25: h.bm25, matchedTerms: h.matchedTerms }));
      if (JSON.stringify(got) !== JSON.stringify(reference(query, { limit }))) out.push(query);
    }
    return out.slice(0, 5);
  };
}

describe('rankings equal MiniSearch search on the benchmark and the banking help centre', () => {
  it('the bench: 10,000 articles, 3,000 queries, limit 3 (what the answer node asks) and 10', () => {
    const differences = rankingDifferences(buildKnowledgeIndex({ id: 'bench', locale: 'en', articles: generatedArticles(10_000) }));
    const queries = benchQueries(3_000);
    expect(differences(queries, 3)).toEqual([]);
    expect(differences(queries.slice(0, 500), 10)).toEqual([]);
  });

  it('the banking help centre on the development split and out-of-scope questions', () => {
    const kb = parseKnowledgeBase(buildHelpCentre());
    if (!kb.ok) throw new Error('the help centre does not parse');
    const { dev, oos } = banking77Split();
    expect(rankingDifferences(buildKnowledgeIndex(kb.kb))([...dev, ...oos].map((r) => r.text), 5)).toEqual([]);
  });
});
