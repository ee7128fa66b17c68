// Turns an utterance into the sparse bag of word and character n-grams the intent model reads.
// Kept apart from the model so training, inference and experiments share one definition.
import { FeatureTally } from './feature-tally.ts';
import { GramHashTable } from './gram-hash-table.ts';
import { WordGramIds } from './word-gram-ids.ts';

/** How text becomes features. Stored with a trained model, so a loaded model featurises alike. */
export interface FeatureOptions {
  /** Word n-gram orders to emit, e.g. [1, 2] for unigrams and bigrams. Default [1, 2]. */
  wordNgrams: number[];
  /** Smallest and largest character n-gram inside a space-padded word. Default [2, 5]. */
  charNgrams: [number, number];
  /** Replace every digit with 0 so "£20" and "£50" share features. Default true. */
  foldDigits: boolean;
  /** Characters of input read; the rest is ignored (keeps latency flat on huge input). Default 1000. */
  maxChars: number;
  /** Word and character blocks are L2-normalised apart, the character block scaled by this, then the whole. Default 1. */
  charWeight: number;
}

/** The defaults a new flow gets. */
export const defaultFeatureOptions: FeatureOptions = {
  wordNgrams: [1, 2],
  charNgrams: [2, 5],
  foldDigits: true,
  maxChars: 1000,
  charWeight: 1,
};

const TOKEN = /[\p{L}\p{M}\p{N}]+|[\p{Sc}\p{Extended_Pictographic}]/gu;
const APOSTROPHES = /['\u2019\u02bc`]/g;
const DIGIT = /\p{Nd}/gu;
const ASCII = /^[\x00-\x7f]*$/;
/** Languages whose lower-casing differs from the default Unicode mapping (dotted/dotless i, etc.). */
const SPECIAL_CASING = /^(tr|az|lt)(-|$)/i;

/** Normalises text (NFKC, locale lower case, apostrophes dropped, digits folded) and splits it into tokens. */
export function tokenize(text: string, locale: string, options: FeatureOptions): string[] {
  let t = text.length > options.maxChars ? text.slice(0, options.maxChars) : text;
  if (!ASCII.test(t)) t = t.normalize('NFKC');
  if (SPECIAL_CASING.test(locale)) {
    try {
      t = t.toLocaleLowerCase(locale);
    } catch {
      t = t.toLowerCase();
    }
  } else t = t.toLowerCase();
  t = t.replace(APOSTROPHES, '');
  if (options.foldDigits) t = t.replace(DIGIT, '0');
  return t.match(TOKEN) ?? [];
}

/** The feature key of the word n-gram of `order` tokens from `tokens[i]`: `w card`, `2 my card`, `3 …`. */
function wordGramKey(tokens: readonly string[], i: number, order: number): string {
  if (order === 1) return 'w ' + tokens[i];
  // Bigrams are the common case; spelt out, they skip an array per key.
  if (order === 2) return '2 ' + tokens[i] + ' ' + tokens[i + 1];
  return order + ' ' + tokens.slice(i, i + order).join(' ');
}

/** Adds the n-gram counts of `text` into `counts` (keys are namespaced: `w` words, `c` characters). */
export function countFeatures(text: string, locale: string, options: FeatureOptions, counts: Map<string, number>): void {
  const tokens = tokenize(text, locale, options);
  for (const order of options.wordNgrams) {
    for (let i = 0; i + order <= tokens.length; i++) {
      const key = wordGramKey(tokens, i, order);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [lo, hi] = options.charNgrams;
  if (hi <= 0) return;
  for (const token of tokens) {
    const padded = ' ' + token + ' ';
    const len = padded.length;
    for (let n = lo; n <= hi; n++) {
      if (n > len) break;
      for (let i = 0; i + n <= len; i++) {
        const key = 'c' + padded.slice(i, i + n);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
}

/** A sparse row: parallel arrays of feature ids (in first-seen order, each once) and weights. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/**
 * A sparse row written into arrays that are reused from text to text: its first `size` entries.
 * Classifying keeps one instead of allocating two typed arrays per text (~0.7 µs for a hundred
 * features, as their memory lives outside the JavaScript heap).
 */
export class SparseVectorBuffer implements SparseVector {
  indices = new Int32Array(0);
  values = new Float32Array(0);
  size = 0;

  /** Makes room for `capacity` entries; existing entries are lost when the arrays grow. */
  reserve(capacity: number): void {
    if (this.indices.length >= capacity) return;
    this.indices = new Int32Array(capacity);
    this.values = new Float32Array(capacity);
  }
}

/** Vocabulary plus document frequencies and the idf derived from them: the fitted half of the featuriser. */
export interface Vocabulary {
  /** Feature keys in id order. */
  keys: string[];
  ids: Map<string, number>;
  /** Word unigram and bigram ids by token ids (no key strings built on the hot path). */
  wordIds: WordGramIds;
  /** Character n-gram ids keyed by the hash lanes of the n-gram (no strings built on the hot path). */
  charIds: GramHashTable;
  /** 1 where the feature is a character n-gram. */
  isChar: Uint8Array;
  /** Texts each feature was seen in. */
  df: Int32Array;
  /** Texts the vocabulary was fitted on. */
  documents: number;
  idf: Float32Array;
}

/** Seeds of the two 32-bit FNV-style hash lanes of a character n-gram (see {@link GramHashTable}). */
const HASH_A = 0x811c9dc5 | 0;
const HASH_B = 0x3c6ef372 | 0;

/** Rebuilds a vocabulary from its keys, document frequencies and document count (idf = ln((1 + n) / (1 + df)) + 1). */
export function vocabularyFromCounts(keys: string[], df: Int32Array, documents: number): Vocabulary {
  const ids = new Map<string, number>();
  const isChar = new Uint8Array(keys.length);
  let charKeys = 0;
  for (const key of keys) if (key.charCodeAt(0) === 99) charKeys++;
  const charIds = new GramHashTable(charKeys);
  keys.forEach((key, i) => {
    ids.set(key, i);
    if (key.charCodeAt(0) === 99) {
      let a = HASH_A;
      let b = HASH_B;
      for (let k = 1; k < key.length; k++) {
        a = Math.imul(a ^ key.charCodeAt(k), 0x01000193);
        b = Math.imul(b ^ key.charCodeAt(k), 0x5bd1e995);
      }
      charIds.set(a, b, i);
      isChar[i] = 1;
    }
  });
  const idf = Float32Array.from(df, (d) => Math.log((1 + documents) / (1 + d)) + 1);
  return { keys, ids, wordIds: new WordGramIds(keys), charIds, isChar, df, documents, idf };
}

/**
 * Learns the vocabulary from `texts`: features seen in at least `minCount` texts (default 1),
 * ids in first-seen order (deterministic).
 */
export function fitVocabulary(texts: readonly string[], locale: string, options: FeatureOptions, minCount = 1): Vocabulary {
  const df = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const text of texts) {
    counts.clear();
    countFeatures(text, locale, options, counts);
    for (const key of counts.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const keys: string[] = [];
  const dfs: number[] = [];
  for (const [key, d] of df) {
    if (d < minCount) continue;
    keys.push(key);
    dfs.push(d);
  }
  return vocabularyFromCounts(keys, Int32Array.from(dfs), texts.length);
}

/** Scratch counts of {@link vectorize}, shared by every vocabulary (featurising is synchronous). */
const tally = new FeatureTally();
/** Scratch token ids of {@link vectorize}'s text (grown as needed). */
let tokenIdScratch = new Int32Array(64);

/**
 * Featurises one text: sublinear tf (1 + ln tf) × idf over known features; the word and character
 * blocks are L2-normalised apart and weighted (see `charWeight`), then the whole row. Unknown features are dropped.
 */
export function vectorize(text: string, locale: string, options: FeatureOptions, vocabulary: Vocabulary): SparseVector {
  const row = new SparseVectorBuffer();
  vectorizeInto(text, locale, options, vocabulary, row);
  // A fresh buffer grows to exactly the row's size.
  return { indices: row.indices, values: row.values };
}

/** {@link vectorize} into a reused buffer: `out.size` and the entries before it are the row. */
export function vectorizeInto(text: string, locale: string, options: FeatureOptions, vocabulary: Vocabulary, out: SparseVectorBuffer): void {
  const tokens = tokenize(text, locale, options);
  tally.start(vocabulary.keys.length);
  const { wordIds } = vocabulary;
  const tokenIds = tokenIdScratch.length >= tokens.length ? tokenIdScratch : (tokenIdScratch = new Int32Array(tokens.length));
  for (let i = 0; i < tokens.length; i++) tokenIds[i] = wordIds.tokenId(tokens[i]!);
  for (const order of options.wordNgrams) {
    for (let i = 0; i + order <= tokens.length; i++) {
      if (order <= 2) {
        const id = order === 1 ? wordIds.unigram(tokenIds[i]!) : wordIds.bigram(tokenIds[i]!, tokenIds[i + 1]!);
        if (id !== -1) tally.add(id);
      } else {
        const id = vocabulary.ids.get(wordGramKey(tokens, i, order));
        if (id !== undefined) tally.add(id);
      }
    }
  }
  // Word features were counted first, so the row's first `words` entries are the word block.
  const words = tally.size;
  const [lo, hi] = options.charNgrams;
  if (hi > 0) {
    const charIds = vocabulary.charIds;
    for (const token of tokens) {
      const len = token.length + 2;
      for (let i = 0; i < len; i++) {
        let a = HASH_A;
        let b = HASH_B;
        for (let n = 1; n <= hi && i + n <= len; n++) {
          const at = i + n - 1;
          const code = at === 0 || at === len - 1 ? 32 : token.charCodeAt(at - 1);
          a = Math.imul(a ^ code, 0x01000193);
          b = Math.imul(b ^ code, 0x5bd1e995);
          if (n >= lo) {
            const id = charIds.get(a, b);
            if (id !== -1) tally.add(id);
          }
        }
      }
    }
  }
  const size = tally.size;
  out.reserve(size);
  out.size = size;
  const { indices, values } = out;
  let wordNorm = 0;
  let charNorm = 0;
  for (let k = 0; k < size; k++) {
    const id = tally.id(k);
    const count = tally.count(id);
    // Most features occur once, and 1 + ln 1 is exactly 1: no logarithm needed for them.
    const v = count === 1 ? vocabulary.idf[id]! : (1 + Math.log(count)) * vocabulary.idf[id]!;
    indices[k] = id;
    values[k] = v;
    if (k < words) wordNorm += v * v;
    else charNorm += v * v;
  }
  const ws = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
  const cs = charNorm > 0 ? options.charWeight / Math.sqrt(charNorm) : 0;
  let norm = 0;
  for (let i = 0; i < size; i++) {
    const v = values[i]! * (i < words ? ws : cs);
    values[i] = v;
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < size; i++) values[i] = values[i]! * scale;
}
