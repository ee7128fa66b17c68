// Checks that the defaults a new flow gets work for small flows: trains on a few intents with ~10
// examples each (sampled from the BANKING77 training split), tests on their development rows plus
// CLINC150 out-of-scope queries. Run: npx tsx scripts/nlu-few-shot.ts
import { createPrng, shuffleInPlace } from '../runtime/nlu/prng.ts';
import { evaluateClassifier, intentsFromRows } from '../runtime/nlu/evaluate-classifier.ts';
import { trainClassifier } from '../runtime/nlu/train-classifier.ts';
import { banking77Split } from './split-banking77.ts';

const { train, dev, oos } = banking77Split();
const allIntents = [...new Set(train.map((r) => r.category))].sort();
const settings = [
  { intents: 10, examples: 10 },
  { intents: 20, examples: 10 },
  { intents: 77, examples: 10 },
  { intents: 10, examples: 30 },
];
const results: Record<string, unknown>[] = [];
for (const s of settings) {
  for (const seed of [1, 2, 3]) {
    const random = createPrng(seed * 1000 + s.intents);
    const chosen = new Set(shuffleInPlace([...allIntents], random).slice(0, s.intents));
    const rows = shuffleInPlace(train.filter((r) => chosen.has(r.category)), random);
    const per = new Map<string, number>();
    const trainRows = rows.filter((r) => {
      const n = per.get(r.category) ?? 0;
      per.set(r.category, n + 1);
      return n < s.examples;
    });
    const t0 = performance.now();
    const classifier = trainClassifier(intentsFromRows(trainRows).intents);
    const trainMs = performance.now() - t0;
    const inScope = dev.filter((r) => chosen.has(r.category));
    const otherBanking = dev.filter((r) => !chosen.has(r.category)).map((r) => ({ ...r, category: 'oos' }));
    const clinc = evaluateClassifier(classifier, [...inScope, ...oos], { threshold: 0.55, now: () => 0 });
    const near = otherBanking.length > 0 ? evaluateClassifier(classifier, otherBanking, { threshold: 0.55, now: () => 0 }) : null;
    results.push({
      intents: s.intents,
      examples: s.examples,
      seed,
      accuracy: +clinc.accuracy.toFixed(4),
      ece: +clinc.ece.toFixed(4),
      inScopeAccuracy: +clinc.inScopeAccuracy!.toFixed(4),
      clincOosRecall: +clinc.oosRecall!.toFixed(4),
      otherBankingOosRecall: near ? +near.oosRecall!.toFixed(4) : null,
      trainMs: Math.round(trainMs),
    });
    process.stdout.write(`${JSON.stringify(results[results.length - 1])}\n`);
  }
}
