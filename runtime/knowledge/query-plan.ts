// Which index terms a message is searched with, and in which fields: each of its words exactly,
// plus the nearest few words it begins (prefix) or is a typo of (fuzzy), weighted as MiniSearch
// weights them — within a budget of postings spent on the most informative terms first. A term
// too common for the budget is searched in the short fields (title, tags) only, where it counts
// most; so a search over thousands of articles stays around a millisecond.
import type SearchableMap from 'minisearch/SearchableMap';

export interface PlanTuning {
  /** Words at least this long also match longer words they begin; 0 turns it off. */
  prefixMinLength: number;
  /** Words at least this long match words within 20% edits, at most `maxFuzzyDistance`; 0 turns it off. */
  fuzzyMinLength: number;
  maxFuzzyDistance: number;
  /** Weights of prefix and fuzzy matches relative to an exact match (1). */
  weights: { prefix: number; fuzzy: number };
  /** Most postings (articles per term and field, summed) one search touches. */
  postingsBudget: number;
}

/** Articles a term occurs in: in its title, in its tags, in its body. */
export type FieldFrequencies = readonly [title: number, tags: number, body: number];

export type PlannedFields = 'all' | 'short' | 'title';

export interface PlannedTerm {
  /** The index term searched. */
  term: string;
  /** The message's word(s) it stands for. */
  sources: string[];
  /** 1 for the word itself, less for prefix and fuzzy matches. */
  weight: number;
  /** `all` fields, `short` (title and tags) or `title` only. */
  fields: PlannedFields;
}

/** Prefix and fuzzy expansions kept per word (nearest first). */
export const MAX_EXPANSIONS = 4;

/**
 * Plans the search for `words` (processed, distinct) over a vocabulary of term → field frequencies
 * across `articleCount` articles. Terms the index does not have are left out. The most informative
 * term is always searched (in titles at least).
 */
export function planQuery(words: readonly string[], vocabulary: SearchableMap<FieldFrequencies>, articleCount: number, tuning: PlanTuning): PlannedTerm[] {
  const planned = new Map<string, { sources: Set<string>; weight: number; df: FieldFrequencies }>();
  const add = (term: string, source: string, weight: number, df: FieldFrequencies): void => {
    const known = planned.get(term);
    if (known) {
      known.sources.add(source);
      known.weight = Math.max(known.weight, weight);
    } else planned.set(term, { sources: new Set([source]), weight, df });
  };
  for (const word of words) {
    const exact = vocabulary.get(word);
    if (exact !== undefined) add(word, word, 1, exact);
    const expansions: Array<{ term: string; weight: number; df: FieldFrequencies }> = [];
    if (tuning.prefixMinLength > 0 && word.length >= tuning.prefixMinLength) {
      for (const [term, df] of vocabulary.atPrefix(word)) {
        const distance = term.length - word.length;
        if (distance > 0) expansions.push({ term, df, weight: (tuning.weights.prefix * term.length) / (term.length + 0.3 * distance) });
      }
    }
    if (tuning.fuzzyMinLength > 0 && word.length >= tuning.fuzzyMinLength) {
      const maxDistance = Math.min(tuning.maxFuzzyDistance, Math.round(word.length * 0.2));
      if (maxDistance > 0) {
        for (const [term, [df, distance]] of vocabulary.fuzzyGet(word, maxDistance)) {
          if (distance > 0 && !term.startsWith(word)) expansions.push({ term, df, weight: (tuning.weights.fuzzy * term.length) / (term.length + distance) });
        }
      }
    }
    expansions.sort((a, b) => b.weight - a.weight || total(a.df) - total(b.df) || (a.term < b.term ? -1 : 1));
    for (const e of expansions.slice(0, MAX_EXPANSIONS)) add(e.term, word, e.weight, e.df);
  }

  // Spend the budget on the terms expected to add most to BM25 (weight × idf), all fields if they
  // fit, else title and tags if those fit.
  const idf = (df: number): number => Math.log(1 + (articleCount - df + 0.5) / (df + 0.5));
  const ranked = [...planned].sort(([ta, a], [tb, b]) => b.weight * idf(total(b.df)) - a.weight * idf(total(a.df)) || (ta < tb ? -1 : 1));
  const out: PlannedTerm[] = [];
  let postings = 0;
  for (const [term, p] of ranked) {
    const cost: Record<PlannedFields, number> = { all: p.df[0] + p.df[1] + p.df[2], short: p.df[0] + p.df[1], title: p.df[0] };
    const fits = (['all', 'short'] as const).find((f) => postings + cost[f] <= tuning.postingsBudget);
    const fields: PlannedFields | undefined = fits ?? (out.length === 0 ? 'title' : undefined);
    if (fields === undefined) continue;
    out.push({ term, sources: [...p.sources], weight: p.weight, fields });
    postings += cost[fields];
  }
  return out;
}

/** Articles with the term anywhere (an upper bound: the largest field count, at least). */
function total(df: FieldFrequencies): number {
  return Math.max(df[0], df[1], df[2]);
}
