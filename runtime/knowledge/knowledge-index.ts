// The built-in knowledge base: a MiniSearch BM25 index over title, tags and body (boosted in that
// order) with prefix and fuzzy matching, ranked by a top-k walk of its postings, a relevance score
// calibrated to 0..1, and a JSON form that is built once at publish time and loaded, not rebuilt,
// wherever the flow runs.
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { KnowledgeArticle } from '../../shared/index.ts';
import type { KnowledgeBase, KnowledgeHit, KnowledgeSearchOptions } from './knowledge-base.ts';
import { bestPassage } from './best-passage.ts';
import { markdownParagraphs } from './markdown-text.ts';
import { miniSearchPostings } from './minisearch-postings.ts';
import { planQuery, type FieldFrequencies, type PlanTuning } from './query-plan.ts';
import { relevanceScore } from './relevance-score.ts';
import { MAX_QUERY_CHARS, searchTerms, termProcessor, textTerms, type TermProcessor } from './search-terms.ts';
import { createTopKScorer } from './top-k-scorer.ts';

/** At most this many distinct terms of a message are searched (long messages stay fast). Default 40. */
export const MAX_QUERY_TERMS = 40;
const FIELDS = ['title', 'tags', 'body'] as const;
const FORMAT = 'switchboard-knowledge-index';
const FORMAT_VERSION = 1;

/** What buildKnowledgeIndex indexes: a knowledge-base document or a flow's inline articles. */
export interface KnowledgeSource {
  /** Null for a flow's inline articles. */
  id?: string | null;
  /** Language of the articles: English (`en…`) gets stemming and stop words. Default `en`. */
  locale?: string;
  articles: readonly KnowledgeArticle[];
}

export interface KnowledgeIndexOptions {
  /** The stored version of the knowledge base (a content hash), kept in the index. Default null. */
  version?: string | null;
  /** Search settings other than the defaults (kept in the stored index). Default DEFAULT_SEARCH_TUNING. */
  tuning?: Partial<SearchTuning>;
}

/** How a query is matched; all of it applies at search time, so a stored index keeps its own. */
export interface SearchTuning extends PlanTuning {
  boosts: { title: number; tags: number; body: number };
  /** BM25 saturation (k), length normalisation (b) and the BM25+ floor (d). */
  bm25: { k: number; b: number; d: number };
}

/** Chosen on the BANKING77 training split (docs/knowledge.md). */
export const DEFAULT_SEARCH_TUNING: SearchTuning = {
  boosts: { title: 3, tags: 2, body: 1 },
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  prefixMinLength: 4,
  fuzzyMinLength: 5,
  maxFuzzyDistance: 1,
  weights: { prefix: 0.375, fuzzy: 0.45 },
  postingsBudget: 1000,
};

/** A hit with what the score was computed from, for traces and the editor's "which article?" box. */
export interface RankedArticle extends KnowledgeHit {
  /** MiniSearch's BM25 score (boosted, unbounded). */
  bm25: number;
  /** The message's terms found in the article. */
  matchedTerms: string[];
}

export interface KnowledgeIndex extends KnowledgeBase {
  readonly locale: string;
  readonly articleCount: number;
  /** Like search, with the raw BM25 score and the matched terms. */
  rank(query: string, options?: KnowledgeSearchOptions): RankedArticle[];
  /** Plain JSON to store with the version; `loadKnowledgeIndex` reads it back. */
  toJSON(): SerializedKnowledgeIndex;
}

interface StoredArticle {
  id: string;
  title: string;
  url: string | null;
  /** Only when it differs from the index's locale. */
  locale?: string;
  /** Plain-text sentences per paragraph, for extracts. */
  paragraphs: string[][];
}

/** The stored form of an index (plain JSON). */
export interface SerializedKnowledgeIndex {
  format: typeof FORMAT;
  formatVersion: typeof FORMAT_VERSION;
  id: string | null;
  version: string | null;
  locale: string;
  tuning: SearchTuning;
  articles: StoredArticle[];
  /** Articles each term occurs in: in titles, in tags, in bodies. */
  documentFrequency: Record<string, FieldFrequencies>;
  minisearch: AsPlainObject;
}

interface IndexedDocument {
  id: number;
  title: string;
  tags: string;
  body: string;
}

/** Documents are turned into terms by textTerms; queries arrive as terms already, joined by spaces. */
function miniSearchOptions(process: TermProcessor): Options<IndexedDocument> {
  return {
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    tokenize: (text) => textTerms(text, process),
    processTerm: (term) => term,
    autoVacuum: false,
  };
}

/** Indexes the articles; about 0.3 ms per short article. Article ids are taken as they are (check duplicates first). */
export function buildKnowledgeIndex(source: KnowledgeSource, options: KnowledgeIndexOptions = {}): KnowledgeIndex {
  const locale = source.locale ?? 'en';
  const process = termProcessor(locale);
  const tuning = { ...DEFAULT_SEARCH_TUNING, ...options.tuning };
  const search = new MiniSearch<IndexedDocument>(miniSearchOptions(process));
  const articles: StoredArticle[] = [];
  const documentFrequency: Record<string, [number, number, number]> = Object.create(null);
  source.articles.forEach((article, i) => {
    const paragraphs = markdownParagraphs(article.body);
    const body = paragraphs.map((sentences) => sentences.join(' ')).join('\n');
    const doc: IndexedDocument = { id: i, title: article.title, tags: article.tags.join(' \n '), body };
    search.add(doc);
    FIELDS.forEach((field, f) => {
      for (const t of searchTerms(doc[field], process)) (documentFrequency[t] ??= [0, 0, 0])[f]!++;
    });
    articles.push({ id: article.id, title: article.title, url: article.url ?? null, ...(article.locale && article.locale !== locale ? { locale: article.locale } : {}), paragraphs });
  });
  return createIndex({ id: source.id ?? null, version: options.version ?? null, locale, tuning, articles, documentFrequency }, search);
}

/** Reads an index stored by `toJSON`; throws an Error naming the problem when it is not one (stored data, not user input). */
export function loadKnowledgeIndex(json: unknown): KnowledgeIndex {
  const result = tryLoadKnowledgeIndex(json);
  if (!result.ok) throw new Error(result.message);
  return result.index;
}

/** Like loadKnowledgeIndex, with the problem as a value. */
export function tryLoadKnowledgeIndex(json: unknown): { ok: true; index: KnowledgeIndex } | { ok: false; message: string } {
  if (typeof json !== 'object' || json === null) return { ok: false, message: 'A knowledge index must be a JSON object.' };
  const stored = json as Partial<SerializedKnowledgeIndex>;
  if (stored.format !== FORMAT) return { ok: false, message: `Not a knowledge index (format is ${JSON.stringify(stored.format)}, expected "${FORMAT}").` };
  if (stored.formatVersion !== FORMAT_VERSION) {
    return { ok: false, message: `Knowledge index format version ${JSON.stringify(stored.formatVersion)} is not supported (expected ${FORMAT_VERSION}); rebuild the index.` };
  }
  if (!Array.isArray(stored.articles) || typeof stored.locale !== 'string' || typeof stored.minisearch !== 'object' || stored.minisearch === null || typeof stored.documentFrequency !== 'object' || (stored.tuning !== undefined && typeof stored.tuning !== 'object')) {
    return { ok: false, message: 'The knowledge index is incomplete (articles, locale, documentFrequency or minisearch missing).' };
  }
  try {
    const tuning = { ...DEFAULT_SEARCH_TUNING, ...stored.tuning };
    const search = MiniSearch.loadJS<IndexedDocument>(stored.minisearch, miniSearchOptions(termProcessor(stored.locale)));
    if (search.documentCount !== stored.articles.length) return { ok: false, message: `The knowledge index is inconsistent: ${stored.articles.length} articles but ${search.documentCount} indexed documents.` };
    return {
      ok: true,
      index: createIndex(
        { id: stored.id ?? null, version: stored.version ?? null, locale: stored.locale, tuning, articles: stored.articles, documentFrequency: stored.documentFrequency },
        search,
      ),
    };
  } catch (error) {
    return { ok: false, message: `The knowledge index cannot be loaded: ${(error as Error).message}` };
  }
}

interface IndexData {
  id: string | null;
  version: string | null;
  locale: string;
  tuning: SearchTuning;
  articles: StoredArticle[];
  documentFrequency: Record<string, FieldFrequencies>;
}

function createIndex(data: IndexData, search: MiniSearch<IndexedDocument>): KnowledgeIndex {
  const process = termProcessor(data.locale);
  const n = data.articles.length;
  const vocabulary = SearchableMap.from<FieldFrequencies>(Object.entries(data.documentFrequency));
  const { boosts, bm25 } = data.tuning;
  // Scores as MiniSearch's search() would (exact planned terms, BM25+ with these boosts), keeping
  // only the best hits: see top-k-scorer.ts for why MiniSearch's own search is not called.
  const scorer = createTopKScorer(miniSearchPostings(search, FIELDS), { fieldBoosts: FIELDS.map((f) => boosts[f]), bm25 });
  const scoreOf = (raw: number, queryTerms: number): number =>
    relevanceScore({ bm25: raw, queryTerms, articleCount: n, d: bm25.d, boostSum: boosts.title + boosts.tags + boosts.body });
  const languageOf = (locale: string): string => locale.toLowerCase().split('-')[0]!;
  const articleLanguages = data.articles.map((a) => languageOf(a.locale ?? data.locale));
  const oneLanguage = articleLanguages.every((l) => l === articleLanguages[0]) ? (articleLanguages[0] ?? null) : null;

  function rank(query: string, options: KnowledgeSearchOptions = {}): RankedArticle[] {
    const text = typeof query === 'string' ? query.slice(0, MAX_QUERY_CHARS) : '';
    const words = searchTerms(text, process).slice(0, MAX_QUERY_TERMS);
    if (words.length === 0 || n === 0) return [];
    const language = options.locale ? languageOf(options.locale) : null;
    if (language && oneLanguage && language !== oneLanguage) return [];
    const plan = planQuery(words, vocabulary, n, data.tuning);
    if (plan.length === 0) return [];
    const accept = language && !oneLanguage ? (article: number) => articleLanguages[article] === language : undefined;
    const limit = Math.max(1, Math.min(Math.floor(options.limit ?? 3) || 1, 50));
    const top = scorer.rank(plan, limit, accept);
    const queryWords = new Set(words);
    return top.map((r) => {
      const article = data.articles[r.article]!;
      // The extract is computed on first read: it tokenises every sentence of the article (a
      // tenth of a search's time per hit, profiled), and the answer node reads only the best
      // hit's, only when it answers. Still a plain enumerable property for JSON and spreads.
      let extract: string | undefined;
      return {
        articleId: article.id,
        title: article.title,
        url: article.url,
        get extract(): string {
          return (extract ??= bestPassage(article.paragraphs, queryWords, process));
        },
        score: scoreOf(r.bm25, words.length),
        bm25: r.bm25,
        matchedTerms: r.matchedWords,
      };
    });
  }

  return {
    id: data.id,
    version: data.version,
    locale: data.locale,
    articleCount: n,
    rank,
    search(query, options) {
      return rank(query, options).map((r) => ({
        articleId: r.articleId,
        title: r.title,
        get extract(): string {
          return r.extract;
        },
        url: r.url,
        score: r.score,
      }));
    },
    toJSON() {
      return { format: FORMAT, formatVersion: FORMAT_VERSION, ...data, minisearch: search.toJSON() };
    },
  };
}
