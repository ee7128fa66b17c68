// Turns MiniSearch's unbounded BM25 score into a 0..1 relevance the answer node's threshold can
// use: BM25 per query term, relative to the best score one term can get, through a logistic curve
// fitted on the BANKING77 training split (docs/knowledge.md "The score").

/**
 * Logistic slope on ln(x), x = BM25 per query term ÷ best per-term score. Fitted on the BANKING77
 * training split against the banking help centre, with the built-in generic negatives as out of scope.
 */
export const SCORE_SLOPE = 1.72;
/** The x at which the score is 0.5. Fitted with SCORE_SLOPE. */
export const SCORE_MIDPOINT = 0.537;

export interface RelevanceInput {
  /** MiniSearch's score: boosted BM25+ summed over fields and terms, times the number of matched query terms. */
  bm25: number;
  /** Distinct search terms in the query. */
  queryTerms: number;
  /** Articles in the index (sets the largest possible inverse document frequency). */
  articleCount: number;
  /** BM25+'s floor `d` and the field boosts in use. */
  d: number;
  boostSum: number;
}

/**
 * The best score a single query term can earn: a term no other article has (the largest idf),
 * found once in every field of an article of average length.
 */
export function bestTermScore(input: Omit<RelevanceInput, 'bm25' | 'queryTerms'>): number {
  const maxIdf = Math.log(1 + (input.articleCount + 0.5) / 0.5);
  return maxIdf * (1 + input.d) * input.boostSum;
}

/** 0..1: about the probability that the article is the right answer (calibrated on banking questions). */
export function relevanceScore(input: RelevanceInput): number {
  if (!(input.bm25 > 0) || input.queryTerms <= 0) return 0;
  const x = input.bm25 / input.queryTerms / bestTermScore(input);
  const score = 1 / (1 + (x / SCORE_MIDPOINT) ** -SCORE_SLOPE);
  return Number.isFinite(score) ? score : 0;
}
