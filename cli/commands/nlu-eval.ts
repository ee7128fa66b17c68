// `switchboard nlu-eval --train <csv> --test <csv> [--threshold t] [--json]`: trains the built-in
// classifier exactly as a new flow gets it and reports accuracy, calibration, speed and out-of-scope handling.
import { readTextFile } from '../read-text-file.ts';
import { parseArgs } from 'node:util';
import { flowSettings } from '../../shared/flow.ts';
import { parseLabelledCsv, type LabelledText } from '../../runtime/nlu/csv.ts';
import { evaluateClassifier, intentsFromRows } from '../../runtime/nlu/evaluate-classifier.ts';
import { genericNegatives } from '../../runtime/nlu/generic-negatives.ts';
import { trainClassifier } from '../../runtime/nlu/train-classifier.ts';

const USAGE = 'usage: switchboard nlu-eval --train <csv> --test <csv> [--threshold t] [--json]\n';

async function readRows(path: string, flag: string): Promise<{ ok: true; rows: LabelledText[] } | { ok: false; message: string }> {
  const read = await readTextFile(path);
  if (!read.ok) return { ok: false, message: `${path}: cannot read the ${flag} file: ${read.why}` };
  const text = read.text;
  const parsed = parseLabelledCsv(text);
  if (!parsed.ok) return { ok: false, message: `${path}:${parsed.problem.line}: ${parsed.problem.message}` };
  if (parsed.rows.length === 0) return { ok: false, message: `${path}: no rows (expected a CSV of text,category)` };
  return { ok: true, rows: parsed.rows };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/**
 * Runs the command; returns the exit code (0 done, 1 a file or CSV problem, 2 bad usage).
 * Training rows whose category is `oos` are added to the built-in out-of-scope examples.
 * The threshold defaults to the product's confidence threshold (0.55).
 */
export async function nluEval(args: string[], out: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  let values: { train?: string; test?: string; threshold?: string; json?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: { train: { type: 'string' }, test: { type: 'string' }, threshold: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    out.stderr(`nlu-eval: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out.stdout(USAGE);
    return 0;
  }
  if (!values.train || !values.test) {
    out.stderr(`nlu-eval: ${!values.train ? '--train' : '--test'} <csv> is required\n${USAGE}`);
    return 2;
  }
  const threshold = values.threshold === undefined ? flowSettings.parse({}).confidenceThreshold : Number(values.threshold);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    out.stderr(`nlu-eval: --threshold must be a number from 0 to 1, got ${JSON.stringify(values.threshold)}\n`);
    return 2;
  }
  const train = await readRows(values.train, '--train');
  if (!train.ok) {
    out.stderr(`nlu-eval: ${train.message}\n`);
    return 1;
  }
  const test = await readRows(values.test, '--test');
  if (!test.ok) {
    out.stderr(`nlu-eval: ${test.message}\n`);
    return 1;
  }
  const { intents, outOfScope } = intentsFromRows(train.rows);
  if (intents.length === 0) {
    out.stderr(`nlu-eval: ${values.train}: no in-scope rows to train on (every category is oos)\n`);
    return 1;
  }
  const t0 = performance.now();
  const classifier = trainClassifier(intents, outOfScope.length > 0 ? { outOfScopeExamples: [...genericNegatives, ...outOfScope] } : {});
  const trainMs = performance.now() - t0;
  const report = evaluateClassifier(classifier, test.rows, { threshold, now: () => performance.now() });
  const round = (x: number, digits: number): number => Number(x.toFixed(digits));
  if (values.json) {
    const result: Record<string, number> = {
      accuracy: round(report.accuracy, 4),
      macroF1: round(report.macroF1, 4),
      ece: round(report.ece, 4),
      trainMs: Math.round(trainMs),
      p50Ms: round(report.p50Ms, 4),
      p99Ms: round(report.p99Ms, 4),
    };
    if (report.overallAccuracy !== undefined) {
      result.overallAccuracy = round(report.overallAccuracy, 4);
      result.inScopeAccuracy = round(report.inScopeAccuracy!, 4);
      result.oosRecall = round(report.oosRecall!, 4);
    }
    out.stdout(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const lines = [
    `trained on ${train.rows.length} rows (${intents.length} intents) in ${(trainMs / 1000).toFixed(1)} s`,
    `test rows: ${report.inScopeRows} in scope, ${report.outOfScopeRows} out of scope`,
    `accuracy (top-1, in scope)   ${pct(report.accuracy)}`,
    `macro-F1                     ${pct(report.macroF1)}`,
    `calibration error (ECE)      ${pct(report.ece)}`,
    `classify p50 / p99           ${report.p50Ms.toFixed(3)} ms / ${report.p99Ms.toFixed(3)} ms`,
  ];
  if (report.overallAccuracy !== undefined) {
    lines.push(
      `at threshold ${threshold}:`,
      `  overall accuracy           ${pct(report.overallAccuracy)}`,
      `  in-scope accuracy          ${pct(report.inScopeAccuracy!)}`,
      `  out-of-scope recall        ${pct(report.oosRecall!)}`,
    );
  }
  out.stdout(`${lines.join('\n')}\n`);
  return 0;
}
