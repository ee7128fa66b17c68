// Measures intent-model variants on the BANKING77 development split (accuracy and train time),
// the evidence behind the defaults in runtime/nlu. Run: npx tsx scripts/nlu-experiments.ts [variant...]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelledCsv } from '../runtime/nlu/csv.ts';
import { stratifiedSplit } from '../runtime/nlu/stratified-folds.ts';
import { defaultFeatureOptions, fitVocabulary, vectorize, type FeatureOptions } from '../runtime/nlu/text-features.ts';
import { sharedDataDir } from './shared-data.ts';
import { trainSoftmaxRegression } from './softmax-regression.ts';
import { trainLinearSvm } from '../runtime/nlu/linear-svm.ts';
import { scoreInto, type LinearModel } from '../runtime/nlu/linear-model.ts';

const parsed = parseLabelledCsv(readFileSync(join(sharedDataDir(), 'banking77', 'train.csv'), 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const rows = parsed.rows;
const split = stratifiedSplit(rows.map((r) => r.category), 0.2, 77);
const names = [...new Set(rows.map((r) => r.category))].sort();
const classOf = new Map(names.map((n, i) => [n, i]));
const trainRows = split.train.map((i) => rows[i]!);
const devRows = split.heldOut.map((i) => rows[i]!);

function evaluate(model: LinearModel, fo: FeatureOptions, vocab: ReturnType<typeof fitVocabulary>): number {
  let right = 0;
  for (const r of devRows) {
    const s = scoreInto(model, vectorize(r.text, 'en', fo, vocab));
    let best = 0;
    for (let c = 1; c < s.length; c++) if (s[c]! > s[best]!) best = c;
    if (best === classOf.get(r.category)) right++;
  }
  return right / devRows.length;
}

type Variant = { fo?: Partial<FeatureOptions>; minCount?: number; trainer: 'softmax' | 'svm'; opts?: Record<string, number> };
const variants: Record<string, Variant> = {
  'svm-c1': { trainer: 'svm', opts: { c: 1 } },
  'svm-c0.5': { trainer: 'svm', opts: { c: 0.5 } },
  'svm-c2': { trainer: 'svm', opts: { c: 2 } },
  'softmax-e12': { trainer: 'softmax' },
  'svm-char3-5': { trainer: 'svm', fo: { charNgrams: [3, 5] } },
  'svm-char1-6': { trainer: 'svm', fo: { charNgrams: [1, 6] } },
  'svm-word1': { trainer: 'svm', fo: { wordNgrams: [1] } },
  'svm-word123': { trainer: 'svm', fo: { wordNgrams: [1, 2, 3] } },
  'svm-nochar': { trainer: 'svm', fo: { charNgrams: [0, 0] } },
  'svm-nofold': { trainer: 'svm', fo: { foldDigits: false } },
  'svm-min2': { trainer: 'svm', minCount: 2 },
  'svm-cw0.7': { trainer: 'svm', fo: { charWeight: 0.7 } },
  'svm-cw1.4': { trainer: 'svm', fo: { charWeight: 1.4 } },
  'svm-cw2': { trainer: 'svm', fo: { charWeight: 2 } },
};

const wanted = process.argv.slice(2);
for (const [name, v] of Object.entries(variants)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const fo = { ...defaultFeatureOptions, ...v.fo };
  const t0 = performance.now();
  const vocab = fitVocabulary(trainRows.map((r) => r.text), 'en', fo, v.minCount ?? 1);
  const x = trainRows.map((r) => vectorize(r.text, 'en', fo, vocab));
  const y = Int32Array.from(trainRows, (r) => classOf.get(r.category)!);
  const t1 = performance.now();
  const model = v.trainer === 'svm' ? trainLinearSvm(x, y, vocab.idf.length, names.length, v.opts) : trainSoftmaxRegression(x, y, vocab.idf.length, names.length, v.opts);
  const t2 = performance.now();
  const acc = evaluate(model, fo, vocab);
  console.log(JSON.stringify({ name, acc: +(acc * 100).toFixed(2), features: vocab.idf.length, featMs: Math.round(t1 - t0), trainMs: Math.round(t2 - t1) }));
}
