// Measures of an intent model on labelled text (accuracy, macro-F1, expected calibration error),
// shared by `switchboard nlu-eval`, the benchmark and the tests so every figure means the same.

/** One prediction: the true label, the top intent and its confidence. */
export interface ScoredPrediction {
  label: string;
  predicted: string;
  confidence: number;
}

/** Share of predictions whose top intent is the label; 0 for none. */
export function accuracy(predictions: readonly ScoredPrediction[]): number {
  if (predictions.length === 0) return 0;
  return predictions.filter((p) => p.predicted === p.label).length / predictions.length;
}

/** Unweighted mean of per-label F1 over the labels present in `predictions` (as truth). */
export function macroF1(predictions: readonly ScoredPrediction[]): number {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const labels = new Set(predictions.map((p) => p.label));
  for (const p of predictions) {
    if (p.predicted === p.label) tp.set(p.label, (tp.get(p.label) ?? 0) + 1);
    else {
      fn.set(p.label, (fn.get(p.label) ?? 0) + 1);
      fp.set(p.predicted, (fp.get(p.predicted) ?? 0) + 1);
    }
  }
  if (labels.size === 0) return 0;
  let sum = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const denom = 2 * t + (fp.get(label) ?? 0) + (fn.get(label) ?? 0);
    sum += denom === 0 ? 0 : (2 * t) / denom;
  }
  return sum / labels.size;
}

/**
 * Expected calibration error of the top-1 confidence: predictions binned by confidence into
 * `bins` equal-width bins (default 15), the mean |accuracy − confidence| weighted by bin size.
 */
export function expectedCalibrationError(predictions: readonly ScoredPrediction[], bins = 15): number {
  if (predictions.length === 0) return 0;
  const count = new Float64Array(bins);
  const right = new Float64Array(bins);
  const conf = new Float64Array(bins);
  for (const p of predictions) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p.confidence * bins)));
    count[b]! += 1;
    conf[b]! += p.confidence;
    if (p.predicted === p.label) right[b]! += 1;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]! > 0) ece += Math.abs(right[b]! - conf[b]!) / predictions.length;
  return ece;
}

/** The value at quantile `q` (0..1) of `values` by nearest rank; 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
