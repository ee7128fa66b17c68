// Multinomial logistic regression trained by AdaGrad on sparse rows: a variant measured against the
// one-vs-rest SVM in scripts/nlu-experiments.ts (it lost; see docs/nlu.md), kept to reproduce that figure.
import { createPrng, shuffleInPlace } from '../runtime/nlu/prng.ts';
import type { LinearModel } from '../runtime/nlu/linear-model.ts';
import { scoreInto, softmaxInPlace } from '../runtime/nlu/linear-model.ts';
import type { SparseVector } from '../runtime/nlu/text-features.ts';

/** Training settings for {@link trainSoftmaxRegression}. */
export interface SoftmaxOptions {
  /** Passes over the data. Default 12. */
  epochs: number;
  /** AdaGrad base step. Default 0.5. */
  learningRate: number;
  /** Probability mass spread evenly over the other classes. Default 0.05. */
  labelSmoothing: number;
  /** Shuffle seed. Default 1. */
  seed: number;
}

export const defaultSoftmaxOptions: SoftmaxOptions = { epochs: 12, learningRate: 0.5, labelSmoothing: 0.05, seed: 1 };

/** Fits weights for `classes` classes from rows `x` with labels `y` (0-based class indexes). */
export function trainSoftmaxRegression(
  x: readonly SparseVector[],
  y: ArrayLike<number>,
  features: number,
  classes: number,
  options: Partial<SoftmaxOptions> = {},
): LinearModel {
  const o = { ...defaultSoftmaxOptions, ...options };
  const k = classes;
  const weights = new Float32Array(features * k);
  const bias = new Float32Array(k);
  const g2 = new Float32Array(features * k).fill(1e-6);
  const b2 = new Float32Array(k).fill(1e-6);
  const model: LinearModel = { features, classes, weights, bias };
  const order = Array.from({ length: x.length }, (_, i) => i);
  const random = createPrng(o.seed);
  const p = new Float64Array(k);
  const off = k > 1 ? o.labelSmoothing / (k - 1) : 0;
  const on = 1 - o.labelSmoothing;
  const lr = o.learningRate;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const row = x[i]!;
      scoreInto(model, row, p);
      softmaxInPlace(p);
      const label = y[i]!;
      for (let c = 0; c < k; c++) p[c] = p[c]! - (c === label ? on : off);
      for (let c = 0; c < k; c++) {
        const g = p[c]!;
        b2[c] = b2[c]! + g * g;
        bias[c] = bias[c]! - (lr * g) / Math.sqrt(b2[c]!);
      }
      for (let j = 0; j < row.indices.length; j++) {
        const v = row.values[j]!;
        const base = row.indices[j]! * k;
        for (let c = 0; c < k; c++) {
          const g = p[c]! * v;
          if (g === 0) continue;
          const a = (g2[base + c] = g2[base + c]! + g * g);
          weights[base + c] = weights[base + c]! - (lr * g) / Math.sqrt(a);
        }
      }
    }
  }
  return model;
}
