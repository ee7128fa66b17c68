// The shape every trained linear scorer shares (weights per feature and class, one bias per class),
// so trainers, calibration, serialisation and inference agree on one layout.
import type { SparseVector } from './text-features.ts';

/** Row-major weights: `weights[feature * classes + class]`. */
export interface LinearModel {
  features: number;
  classes: number;
  weights: Float32Array;
  bias: Float32Array;
}

/** Raw scores (logits) of `x` for every class, written into `out` (allocated when absent). */
export function scoreInto(model: LinearModel, x: SparseVector, out?: Float64Array): Float64Array {
  const k = model.classes;
  const scores = out ?? new Float64Array(k);
  for (let c = 0; c < k; c++) scores[c] = model.bias[c]!;
  const w = model.weights;
  for (let j = 0; j < x.indices.length; j++) {
    const v = x.values[j]!;
    const base = x.indices[j]! * k;
    for (let c = 0; c < k; c++) scores[c] = scores[c]! + v * w[base + c]!;
  }
  return scores;
}

/** In-place softmax of `scores / temperature`; returns the same array. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (scores[c]! > max) max = scores[c]!;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp((scores[c]! - max) / temperature);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = scores[c]! / sum;
  return scores;
}
