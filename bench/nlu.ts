// NLU benchmark: training time on all 10,003 BANKING77 examples, classification latency,
// model JSON size and load time. Prints JSON; run standalone with `npx tsx bench/nlu.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelledCsv } from '../runtime/nlu/csv.ts';
import { intentsFromRows } from '../runtime/nlu/evaluate-classifier.ts';
import { loadClassifier, trainClassifier, type SerializedClassifier } from '../runtime/nlu/index.ts';
import { quantile } from '../runtime/nlu/metrics.ts';
import { sharedDataDir } from '../scripts/shared-data.ts';

/** Trains on the full BANKING77 training file and measures the figures the issue asks for. */
export async function benchNlu(): Promise<Record<string, unknown>> {
  const parsed = parseLabelledCsv(readFileSync(join(sharedDataDir(), 'banking77', 'train.csv'), 'utf8'));
  if (!parsed.ok) throw new Error(`train.csv:${parsed.problem.line}: ${parsed.problem.message}`);
  const oos = parseLabelledCsv(readFileSync(join(sharedDataDir(), 'clinc150', 'out-of-scope-dev.csv'), 'utf8'));
  if (!oos.ok) throw new Error(`out-of-scope-dev.csv:${oos.problem.line}: ${oos.problem.message}`);
  const { intents } = intentsFromRows(parsed.rows);

  const t0 = performance.now();
  const classifier = trainClassifier(intents);
  const trainMs = performance.now() - t0;

  const json = JSON.stringify(classifier.toJSON());
  const loadTimes: number[] = [];
  let loaded = classifier;
  for (let i = 0; i < 5; i++) {
    const a = performance.now();
    loaded = loadClassifier(JSON.parse(json) as SerializedClassifier);
    loadTimes.push(performance.now() - a);
  }

  const texts = [...parsed.rows.slice(0, 3000).map((r) => r.text), ...oos.rows.map((r) => r.text)];
  for (const text of texts) loaded.classify(text);
  const times: number[] = [];
  for (const text of texts) {
    const a = performance.now();
    loaded.classify(text);
    times.push(performance.now() - a);
  }
  const long = 'my card was charged twice '.repeat(400);
  const longTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const a = performance.now();
    loaded.classify(long);
    longTimes.push(performance.now() - a);
  }
  const r = (x: number, d = 3): number => Number(x.toFixed(d));
  return {
    trainExamples: parsed.rows.length,
    intents: intents.length,
    trainMs: Math.round(trainMs),
    classifyP50Ms: r(quantile(times, 0.5), 4),
    classifyP99Ms: r(quantile(times, 0.99), 4),
    classifyCalls: times.length,
    classify10kCharsP50Ms: r(quantile(longTimes, 0.5)),
    modelJsonBytes: json.length,
    vocabulary: classifier.parts.vocabulary.keys.length,
    nonZeroWeights: classifier.parts.weights.values.length,
    loadMsMedian: r(quantile(loadTimes, 0.5), 1),
    loadMsFirst: r(loadTimes[0]!, 1),
  };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  process.stdout.write(`${JSON.stringify({ nlu: await benchNlu() }, null, 2)}\n`);
}
