// The classifier's fast path (hashed n-gram lookups, reused scratch, dense weight rows, typed-array
// ranking) must rank exactly as the plain definition does: string keys in Maps, a sparse loop, a sort.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trainClassifier, type Classification } from '../../runtime/nlu/index.ts';
import { LinearIntentClassifier, type LinearClassifierParts } from '../../runtime/nlu/linear-intent-classifier.ts';
import { tokenize } from '../../runtime/nlu/text-features.ts';
import { GramHashTable } from '../../runtime/nlu/gram-hash-table.ts';
import { WordGramIds } from '../../runtime/nlu/word-gram-ids.ts';
import { bankingSubset, pizzaIntents } from './fixtures.ts';

/** Features of `text` in first-seen order (words, then character n-grams by start, then length), as float32 like the model's rows. */
function referenceVectorize(text: string, p: LinearClassifierParts): Array<[number, number]> {
  const { vocabulary, featureOptions } = p;
  const tokens = tokenize(text, p.locale, featureOptions);
  const counts = new Map<number, number>();
  const add = (key: string): void => {
    const id = vocabulary.ids.get(key);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  for (const order of featureOptions.wordNgrams) {
    for (let i = 0; i + order <= tokens.length; i++) add(order === 1 ? `w ${tokens[i]}` : `${order} ${tokens.slice(i, i + order).join(' ')}`);
  }
  const [lo, hi] = featureOptions.charNgrams;
  for (const token of tokens) {
    const padded = ` ${token} `;
    for (let i = 0; i < padded.length; i++) for (let n = lo; n <= hi && i + n <= padded.length; n++) add(`c${padded.slice(i, i + n)}`);
  }
  const raw = [...counts].map(([id, count]): [number, number] => [id, (1 + Math.log(count)) * vocabulary.idf[id]!]);
  const blockNorm = (char: boolean): number => Math.sqrt(raw.reduce((s, [id, v]) => (vocabulary.isChar[id] === 1) === char ? s + v * v : s, 0));
  const wordNorm = blockNorm(false);
  const charNorm = blockNorm(true);
  // Rows are stored as float32 after each step, but the norms sum the unrounded products.
  const weighted = raw.map(([id, v]): [number, number] => {
    const scale = vocabulary.isChar[id] === 1 ? (charNorm > 0 ? featureOptions.charWeight / charNorm : 0) : wordNorm > 0 ? 1 / wordNorm : 0;
    return [id, Math.fround(v) * scale];
  });
  const norm = Math.sqrt(weighted.reduce((s, [, v]) => s + v * v, 0));
  return weighted.map(([id, v]) => [id, Math.fround(Math.fround(v) * (norm > 0 ? 1 / norm : 0))]);
}

/** The classifier as first written: sparse scoring, softmax, objects sorted with a comparator. */
function referenceClassify(text: string, p: LinearClassifierParts): Classification {
  const x = referenceVectorize(text, p);
  if (x.length === 0) return { ranking: p.intents.map((intent) => ({ intent, confidence: 0 })), outOfScope: true };
  const scores = Array.from(p.bias);
  const { rowStart, cls, values } = p.weights;
  for (const [f, v] of x) for (let q = rowStart[f]!; q < rowStart[f + 1]!; q++) scores[cls[q]!] = scores[cls[q]!]! + v * values[q]!;
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp((s - max) / p.temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  const ranking = p.intents.map((intent, c) => ({ intent, confidence: Math.min(1, Math.max(0, exps[c]! / sum)) }));
  const best = Math.max(0, ...ranking.map((r) => r.confidence));
  const oos = p.outOfScopeClass ? exps[p.intents.length]! / sum : 0;
  ranking.sort((a, b) => b.confidence - a.confidence);
  return { ranking, outOfScope: p.outOfScopeClass && oos >= best };
}

const subset = bankingSubset(20, 40);
const banking = trainClassifier(subset.train);
const models: Array<[string, LinearIntentClassifier]> = [
  ['banking subset', banking],
  ['pizza', trainClassifier(pizzaIntents)],
  ['pizza without out-of-scope class', trainClassifier(pizzaIntents, { outOfScopeExamples: [] })],
  // Trigrams are looked up by their key string, unigrams and bigrams by their tokens.
  ['pizza with word trigrams', trainClassifier(pizzaIntents, { features: { wordNgrams: [1, 2, 3] } })],
  // A tiny temperature underflows most probabilities to exactly 0: ties must keep definition order.
  ['banking subset with ties', new LinearIntentClassifier({ ...banking.parts, temperature: 1e-4 })],
];
const realTexts = subset.dev.map((r) => r.text);
const words = [...new Set(realTexts.flatMap((t) => t.split(/\s+/)))];

describe('fast classify matches the reference definition exactly', () => {
  it.each(models)('on real BANKING77 texts and awkward ones (%s)', (_, model) => {
    const awkward = ['', ' ', '😀', 'İstanbul ıi', 'ÇAĞRI', '£20 to €30', "don't can`t won’t", 'a'.repeat(2000), 'lost card '.repeat(300)];
    expect(realTexts.length).toBeGreaterThan(400);
    for (const text of [...realTexts, ...awkward]) expect(model.classify(text), text).toEqual(referenceClassify(text, model.parts));
  });

  it('on random strings, unicode included, and random mixes of real words (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 30 }).map((ws) => ws.join(' ')),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(...models), (t, [, model]) => {
        expect(model.classify(t)).toEqual(referenceClassify(t, model.parts));
      }),
      { numRuns: 500 },
    );
  });
});

describe('GramHashTable', () => {
  it('treats lanes as one key when lane a and the top 21 bits of lane b agree, and lets a later id replace an earlier', () => {
    const table = new GramHashTable(3);
    table.set(7, 0x12345800, 1);
    table.set(7, 0x123457ff, 2);
    table.set(-7, 0x12345800, 3);
    expect(table.get(7, 0x12345fff)).toBe(1);
    expect(table.get(7, 0x123457ff)).toBe(2);
    expect(table.get(-7, 0x12345800)).toBe(3);
    expect(table.get(8, 0x12345800)).toBe(-1);
    table.set(7, 0x12345801, 4);
    expect(table.get(7, 0x12345800)).toBe(4);
  });
});

describe('WordGramIds', () => {
  it('finds what a lookup of the joined key finds, ignores keys no tokens build, and keeps the last id of a repeated key', () => {
    const keys = ['w card', '2 my card', 'c ca', '2 lost', '2 a b c', '3 my new card', 'w my card', '2 my card', 'w ', '2 my bank', '2 card my'];
    const ids = new WordGramIds(keys);
    const t = (token: string) => ids.tokenId(token);
    expect(ids.unigram(t('card'))).toBe(0);
    expect(ids.bigram(t('my'), t('card'))).toBe(7);
    expect(ids.bigram(t('my'), t('bank'))).toBe(9);
    expect(ids.bigram(t('card'), t('my'))).toBe(10);
    expect(ids.unigram(t('my card'))).toBe(6); // a key with a space: no token has one, so tokenised text never asks
    expect(ids.bigram(t('a'), t('b c'))).toBe(4);
    expect(ids.bigram(t('a'), t('b'))).toBe(-1);
    expect(ids.unigram(t('my'))).toBe(-1); // a token of bigrams only
    expect(ids.unigram(t('ca'))).toBe(-1); // character n-grams are not word keys
    expect(ids.unigram(t('lost'))).toBe(-1);
    expect(ids.unigram(t(''))).toBe(8);
    expect(t('nowhere')).toBe(-1);
    expect(ids.bigram(t('nowhere'), t('card'))).toBe(-1);
  });
});
