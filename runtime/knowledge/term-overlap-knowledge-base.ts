// A small built-in retrieval over a flow's inline articles: cosine similarity of TF-IDF term
// vectors (title counted twice). Enough for short help centres; a full search index can replace
// it behind the KnowledgeBase port.
import type { KnowledgeArticle } from '../../shared/index.ts';
import type { KnowledgeBase, KnowledgeHit } from './knowledge-base.ts';
import { words as tokenize } from './words.ts';

export function termOverlapKnowledgeBase(articles: readonly KnowledgeArticle[]): KnowledgeBase {
  const docs = articles.map((a) => termCounts([...tokenize(a.title), ...tokenize(a.title), ...tokenize(a.body)]));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log((1 + articles.length) / (1 + (df.get(t) ?? 0))) + 1;
  const vectors = docs.map((d) => normalise(new Map([...d].map(([t, c]) => [t, (1 + Math.log(c)) * idf(t)]))));

  return {
    search(query, limit = 3) {
      const q = normalise(new Map([...termCounts(tokenize(query))].map(([t, c]) => [t, (1 + Math.log(c)) * idf(t)])));
      const hits: KnowledgeHit[] = [];
      vectors.forEach((v, i) => {
        let score = 0;
        for (const [t, w] of q) score += w * (v.get(t) ?? 0);
        if (score > 0) {
          const a = articles[i]!;
          hits.push({ articleId: a.id, title: a.title, extract: extract(a.body), url: a.url ?? null, score });
        }
      });
      return hits.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}

function termCounts(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function normalise(v: Map<string, number>): Map<string, number> {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** The first paragraph, cut at a sentence end near 300 characters. */
function extract(body: string): string {
  const paragraph = body.trim().split(/\n\s*\n/)[0] ?? '';
  if (paragraph.length <= 300) return paragraph;
  const cut = paragraph.slice(0, 300);
  const end = cut.lastIndexOf('. ');
  return end > 100 ? cut.slice(0, end + 1) : `${cut}…`;
}
