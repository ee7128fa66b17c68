// Scores a classifier on labelled text the way `switchboard nlu-eval` reports it, so the CLI,
// the benchmark, the docs' figures and the tests compute every number the same way.
import type { IntentClassifier } from './classifier.ts';
import { accuracy, expectedCalibrationError, macroF1, quantile, type ScoredPrediction } from './metrics.ts';

/** The label that marks a test row as out of scope. */
export const OUT_OF_SCOPE_LABEL = 'oos';

/** Figures for one evaluation; the out-of-scope ones only when there were `oos` rows. */
export interface EvaluationReport {
  /** Top-1 accuracy on in-scope rows, ignoring the threshold. */
  accuracy: number;
  macroF1: number;
  /** Expected calibration error of the top-1 confidence on in-scope rows (15 bins). */
  ece: number;
  p50Ms: number;
  p99Ms: number;
  inScopeRows: number;
  outOfScopeRows: number;
  threshold: number;
  /** Rows answered correctly at the threshold; an `oos` row is right when the model declines it. */
  overallAccuracy?: number;
  /** In-scope rows answered with the right intent at the threshold. */
  inScopeAccuracy?: number;
  /** Out-of-scope rows declined (flagged out of scope, or top confidence below the threshold). */
  oosRecall?: number;
  /** In-scope predictions (label, top intent, confidence), for confusion summaries. */
  predictions: ScoredPrediction[];
}

/**
 * Classifies every row and computes the report. A row is declined when the classifier says
 * out of scope or its top confidence is below `threshold`. `now` (milliseconds) times each call;
 * pass `() => 0` when timing does not matter.
 */
export function evaluateClassifier(
  classifier: IntentClassifier,
  rows: ReadonlyArray<{ text: string; category: string }>,
  options: { threshold: number; now: () => number },
): EvaluationReport {
  const times: number[] = [];
  const predictions: ScoredPrediction[] = [];
  let inRight = 0;
  let oosDeclined = 0;
  let oosRows = 0;
  for (const row of rows) {
    const t0 = options.now();
    const result = classifier.classify(row.text);
    times.push(options.now() - t0);
    const top = result.ranking[0];
    const declined = result.outOfScope || !top || top.confidence < options.threshold;
    if (row.category === OUT_OF_SCOPE_LABEL) {
      oosRows++;
      if (declined) oosDeclined++;
      continue;
    }
    predictions.push({ label: row.category, predicted: top?.intent ?? '', confidence: top?.confidence ?? 0 });
    if (!declined && top?.intent === row.category) inRight++;
  }
  const report: EvaluationReport = {
    accuracy: accuracy(predictions),
    macroF1: macroF1(predictions),
    ece: expectedCalibrationError(predictions),
    p50Ms: quantile(times, 0.5),
    p99Ms: quantile(times, 0.99),
    inScopeRows: predictions.length,
    outOfScopeRows: oosRows,
    threshold: options.threshold,
    predictions,
  };
  if (oosRows > 0) {
    report.overallAccuracy = (inRight + oosDeclined) / rows.length;
    report.inScopeAccuracy = predictions.length > 0 ? inRight / predictions.length : 0;
    report.oosRecall = oosDeclined / oosRows;
  }
  return report;
}

/** Groups `text,category` rows into training intents (first-seen order); `oos` rows are returned apart. */
export function intentsFromRows(rows: ReadonlyArray<{ text: string; category: string }>): {
  intents: Array<{ name: string; examples: string[] }>;
  outOfScope: string[];
} {
  const byName = new Map<string, string[]>();
  const outOfScope: string[] = [];
  for (const row of rows) {
    if (row.category === OUT_OF_SCOPE_LABEL) {
      outOfScope.push(row.text);
      continue;
    }
    const list = byName.get(row.category);
    if (list) list.push(row.text);
    else byName.set(row.category, [row.text]);
  }
  return { intents: [...byName].map(([name, examples]) => ({ name, examples })), outOfScope };
}
