// Prints the figures behind docs/nlu.md for the BANKING77 development split: accuracy, macro-F1,
// ECE, a reliability table, out-of-scope trade-off by threshold and the worst intents with their
// main confusions. Run: npx tsx scripts/nlu-report.ts
import { evaluateClassifier, intentsFromRows } from '../runtime/nlu/evaluate-classifier.ts';
import { trainClassifier } from '../runtime/nlu/train-classifier.ts';
import { banking77Split } from './split-banking77.ts';

const { train, dev, oos } = banking77Split();
const t0 = performance.now();
const classifier = trainClassifier(intentsFromRows(train).intents);
const trainMs = performance.now() - t0;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const base = evaluateClassifier(classifier, [...dev, ...oos], { threshold: 0.55, now: () => performance.now() });
console.log(`train ${train.length} rows in ${Math.round(trainMs)} ms; dev ${dev.length}; oos ${oos.length}`);
console.log(`accuracy ${pct(base.accuracy)}  macroF1 ${pct(base.macroF1)}  ECE ${pct(base.ece)}  temperature ${classifier.parts.temperature.toFixed(4)}`);

console.log('\nreliability (top-1 confidence bins on dev):');
const bins = [0, 0.3, 0.55, 0.7, 0.8, 0.9, 0.95, 1.0001];
for (let b = 0; b + 1 < bins.length; b++) {
  const inBin = base.predictions.filter((p) => p.confidence >= bins[b]! && p.confidence < bins[b + 1]!);
  if (inBin.length === 0) continue;
  const acc = inBin.filter((p) => p.label === p.predicted).length / inBin.length;
  const conf = inBin.reduce((s, p) => s + p.confidence, 0) / inBin.length;
  console.log(`| ${bins[b]!.toFixed(2)}–${Math.min(1, bins[b + 1]!).toFixed(2)} | ${inBin.length} | ${pct(conf)} | ${pct(acc)} |`);
}

console.log('\nthreshold trade-off (in-scope answered right / out-of-scope declined / overall):');
for (const threshold of [0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8]) {
  const r = evaluateClassifier(classifier, [...dev, ...oos], { threshold, now: () => 0 });
  console.log(`| ${threshold} | ${pct(r.inScopeAccuracy!)} | ${pct(r.oosRecall!)} | ${pct(r.overallAccuracy!)} |`);
}
const flagged = oos.filter((r) => classifier.classify(r.text).outOfScope).length;
console.log(`out-of-scope flag alone (no threshold): ${pct(flagged / oos.length)} of oos rows; in-scope rows flagged: ${pct(dev.filter((r) => classifier.classify(r.text).outOfScope).length / dev.length)}`);

console.log('\nworst intents by F1 (dev), with where their errors go:');
const labels = [...new Set(base.predictions.map((p) => p.label))];
const rows = labels.map((label) => {
  const tp = base.predictions.filter((p) => p.label === label && p.predicted === label).length;
  const fn = base.predictions.filter((p) => p.label === label && p.predicted !== label);
  const fp = base.predictions.filter((p) => p.label !== label && p.predicted === label);
  const f1 = (2 * tp) / (2 * tp + fn.length + fp.length);
  const count = (xs: string[]) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);
  return { label, f1, support: tp + fn.length, to: count(fn.map((p) => p.predicted)).slice(0, 2), from: count(fp.map((p) => p.label)).slice(0, 2) };
});
rows.sort((a, b) => a.f1 - b.f1);
for (const r of rows.slice(0, 10)) {
  console.log(`| ${r.label} | ${pct(r.f1)} | ${r.support} | ${r.to.map(([l, n]) => `${l} (${n})`).join(', ')} | ${r.from.map(([l, n]) => `${l} (${n})`).join(', ')} |`);
}
