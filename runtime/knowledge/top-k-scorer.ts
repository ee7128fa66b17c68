// Ranks a planned query exactly as MiniSearch 7.2 ranks it (same BM25+ arithmetic, summed in the
// same order, ties broken the same way) but keeps only the best few articles. MiniSearch builds a
// result object (score, terms, match map) for every matching article — up to ~1,000 per search on
// a large help centre — and that garbage cost the answer node a ~2 ms young-generation pause every
// ~30 searches (docs/benchmarks.md). This walks the postings into typed arrays reused across
// searches instead, so a search allocates little more than its few hits.
import type { Postings } from './minisearch-postings.ts';
import type { PlannedFields, PlannedTerm } from './query-plan.ts';

/** BM25+ saturation (k), length normalisation (b) and floor (d), as MiniSearch takes them. */
export interface BM25Params {
  k: number;
  b: number;
  d: number;
}

export interface TopKScoring {
  /** Boost of each field, by the positions the postings were read with (title, tags, body). */
  fieldBoosts: readonly number[];
  bm25: BM25Params;
}

/** An article among the best: its position, its score and the message's words it matched. */
export interface ScoredArticle {
  article: number;
  /** MiniSearch's BM25+ score, with MiniSearch's "× matched query terms" counted in message words. */
  bm25: number;
  /** The message's words whose planned terms the article contains, in MiniSearch's order. */
  matchedWords: string[];
}

export interface TopKScorer {
  /**
   * The best `limit` articles for `plan`, best first. `accept` leaves articles out (as MiniSearch's
   * `filter`: after scoring). Not re-entrant: one search at a time per scorer (searches are synchronous).
   */
  rank(plan: readonly PlannedTerm[], limit: number, accept?: (article: number) => boolean): ScoredArticle[];
}

/**
 * The query MiniSearch was given: one OR-group per planned field set, in this order, each over
 * these field positions (title 0, tags 1, body 2). The order decides how floating-point sums are
 * grouped and which article comes first on equal scores, so it must stay MiniSearch's.
 */
const GROUPS: ReadonlyArray<{ fields: PlannedFields; positions: readonly number[] }> = [
  { fields: 'all', positions: [0, 1, 2] },
  { fields: 'short', positions: [0, 1] },
  { fields: 'title', positions: [0] },
];

/** Per-document working arrays, allocated on the first search and reused. */
interface Scratch {
  /** Which term, group and search last touched a document (stamps, never reset between searches). */
  termStamp: Int32Array;
  groupStamp: Int32Array;
  searchStamp: Int32Array;
  termScore: Float64Array;
  groupScore: Float64Array;
  total: Float64Array;
  /** Planned terms that matched the document (MiniSearch's `queryTerms.length`). */
  matchedTerms: Int32Array;
  /** Message words matched, one bit per word, `wordLanes` 32-bit lanes per document. */
  words: Uint32Array;
  wordLanes: number;
  /** Documents touched by the current term, group and search, in first-touch order. */
  termDocs: Int32Array;
  groupDocs: Int32Array;
  searchDocs: Int32Array;
  /** The best so far: document, adjusted score, MiniSearch's score. */
  topDoc: Int32Array;
  topScore: Float64Array;
  topRaw: Float64Array;
}

export function createTopKScorer(postings: Postings, scoring: TopKScoring): TopKScorer {
  const { idLimit, documentCount, fieldLength, averageFieldLength, documentOf, fieldIds } = postings;
  const fieldCount = averageFieldLength.length;
  // MiniSearch reads a field's boost as `boost[field] || 1`.
  const fieldBoosts = scoring.fieldBoosts.map((b) => b || 1);
  const { k, b, d } = scoring.bm25;
  let scratch: Scratch | null = null;
  let stamp = 0;

  /** Starts the stamps over, before they would pass the largest Int32, at the start of a search. */
  const restartStampsIfNeeded = (s: Scratch, stampsNeeded: number): void => {
    if (stamp + stampsNeeded < 0x7fffffff) return;
    s.termStamp.fill(0);
    s.groupStamp.fill(0);
    s.searchStamp.fill(0);
    stamp = 0;
  };

  const scratchFor = (wordLanes: number, limit: number): Scratch => {
    if (scratch && scratch.wordLanes >= wordLanes && scratch.topDoc.length >= limit) return scratch;
    const lanes = Math.max(wordLanes, scratch?.wordLanes ?? 2);
    const top = Math.max(limit, scratch?.topDoc.length ?? 50);
    stamp = 0;
    scratch = {
      termStamp: new Int32Array(idLimit),
      groupStamp: new Int32Array(idLimit),
      searchStamp: new Int32Array(idLimit),
      termScore: new Float64Array(idLimit),
      groupScore: new Float64Array(idLimit),
      total: new Float64Array(idLimit),
      matchedTerms: new Int32Array(idLimit),
      words: new Uint32Array(idLimit * lanes),
      wordLanes: lanes,
      termDocs: new Int32Array(idLimit),
      groupDocs: new Int32Array(idLimit),
      searchDocs: new Int32Array(idLimit),
      topDoc: new Int32Array(top),
      topScore: new Float64Array(top),
      topRaw: new Float64Array(top),
    };
    return scratch;
  };

  // State of the posting list being walked, read by `visit` (one callback for every list, so
  // walking one allocates nothing).
  let s: Scratch;
  let termStamp = 0;
  let termDocCount = 0;
  let position = 0;
  let idf = 0;
  let factor = 0;
  let averageLength = 0;

  /** MiniSearch's calcBM25Score and weighting, operation for operation (same rounding). */
  const visit = (termFrequency: number, doc: number): void => {
    const length = fieldLength[doc * fieldCount + position]!;
    const raw = idf * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * length) / averageLength)));
    const weighted = factor * raw;
    if (s.termStamp[doc] !== termStamp) {
      s.termStamp[doc] = termStamp;
      s.termScore[doc] = weighted;
      s.termDocs[termDocCount++] = doc;
    } else s.termScore[doc]! += weighted;
  };

  function rank(plan: readonly PlannedTerm[], limit: number, accept?: (article: number) => boolean): ScoredArticle[] {
    if (limit <= 0 || plan.length === 0) return [];
    // Bits for the message's words, to count the distinct words an article matched.
    const wordBit = new Map<string, number>();
    for (const p of plan) for (const w of p.sources) if (!wordBit.has(w)) wordBit.set(w, wordBit.size);
    const lanes = Math.max(1, Math.ceil(wordBit.size / 32));
    s = scratchFor(lanes, limit);
    restartStampsIfNeeded(s, 1 + GROUPS.length + plan.length);
    const searchStamp = ++stamp;
    let searchDocCount = 0;

    for (const group of GROUPS) {
      const groupStamp = ++stamp;
      let groupDocCount = 0;
      for (const p of plan) {
        if (p.fields !== group.fields) continue;
        const fields = postings.termFields(p.term);
        if (fields === undefined) continue;
        termStamp = ++stamp;
        termDocCount = 0;
        for (const f of group.positions) {
          const frequencies = fields.get(fieldIds[f]!);
          if (frequencies === undefined) continue;
          const matching = frequencies.size;
          position = f;
          idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
          // MiniSearch: termWeight (1: exact terms only) × termBoost × fieldBoost × docBoost (1) × score.
          factor = p.weight * fieldBoosts[f]!;
          averageLength = averageFieldLength[f]!;
          frequencies.forEach(visit);
        }
        // The term's sum joins the group's (MiniSearch merges each term's results into the group's).
        for (let i = 0; i < termDocCount; i++) {
          const doc = s.termDocs[i]!;
          if (s.searchStamp[doc] !== searchStamp) {
            s.searchStamp[doc] = searchStamp;
            s.total[doc] = 0;
            s.matchedTerms[doc] = 0;
            s.words.fill(0, doc * s.wordLanes, doc * s.wordLanes + lanes);
            s.searchDocs[searchDocCount++] = doc;
          }
          s.matchedTerms[doc]!++;
          for (const w of p.sources) {
            const bit = wordBit.get(w)!;
            s.words[doc * s.wordLanes + (bit >>> 5)]! |= 1 << (bit & 31);
          }
          if (s.groupStamp[doc] !== groupStamp) {
            s.groupStamp[doc] = groupStamp;
            s.groupScore[doc] = s.termScore[doc]!;
            s.groupDocs[groupDocCount++] = doc;
          } else s.groupScore[doc]! += s.termScore[doc]!;
        }
      }
      // Then the group's sum joins the total (MiniSearch merges the groups' results last).
      for (let i = 0; i < groupDocCount; i++) {
        const doc = s.groupDocs[i]!;
        s.total[doc]! += s.groupScore[doc]!;
      }
    }

    // MiniSearch multiplies by the number of matched terms; the message's words are counted
    // instead, so a word matched exactly and by prefix counts once.
    const expanded = plan.some((p) => p.weight !== 1 || p.sources.length !== 1);
    let count = 0;
    // In first-touch order, so of equal scores the earlier article stays first (MiniSearch's sort is
    // stable). A sorted insertion rather than a heap: `limit` is 3 for an answer, at most 50.
    for (let i = 0; i < searchDocCount; i++) {
      const doc = s.searchDocs[i]!;
      if (accept && !accept(documentOf[doc]!)) continue;
      const terms = s.matchedTerms[doc]!;
      const raw = s.total[doc]! * terms;
      const score = expanded && terms > 1 ? (raw / terms) * wordsMatched(s, doc, lanes) : raw;
      if (count === limit && !better(score, raw, s.topScore[limit - 1]!, s.topRaw[limit - 1]!)) continue;
      let at = count < limit ? count++ : limit - 1;
      while (at > 0 && better(score, raw, s.topScore[at - 1]!, s.topRaw[at - 1]!)) {
        s.topDoc[at] = s.topDoc[at - 1]!;
        s.topScore[at] = s.topScore[at - 1]!;
        s.topRaw[at] = s.topRaw[at - 1]!;
        at--;
      }
      s.topDoc[at] = doc;
      s.topScore[at] = score;
      s.topRaw[at] = raw;
    }

    const out: ScoredArticle[] = [];
    for (let i = 0; i < count; i++) {
      const doc = s.topDoc[i]!;
      out.push({ article: documentOf[doc]!, bm25: s.topScore[i]!, matchedWords: matchedWords(plan, doc) });
    }
    return out;
  }

  /** The words of the planned terms found in the document, in MiniSearch's `queryTerms` order. */
  function matchedWords(plan: readonly PlannedTerm[], doc: number): string[] {
    const words = new Set<string>();
    for (const group of GROUPS) {
      for (const p of plan) {
        if (p.fields !== group.fields) continue;
        const fields = postings.termFields(p.term);
        if (fields && group.positions.some((f) => fields.get(fieldIds[f]!)?.has(doc))) for (const w of p.sources) words.add(w);
      }
    }
    return [...words];
  }

  return { rank };
}

/**
 * The order MiniSearch's results end in: by the adjusted score, then MiniSearch's own score (the
 * order the adjusted scores were picked from); equal on both, the earlier stays first.
 */
function better(score: number, raw: number, thanScore: number, thanRaw: number): boolean {
  return score > thanScore || (score === thanScore && raw > thanRaw);
}

function wordsMatched(s: Scratch, doc: number, lanes: number): number {
  let n = 0;
  for (let lane = 0; lane < lanes; lane++) n += bitCount(s.words[doc * s.wordLanes + lane]!);
  return n;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
