// One-vs-rest linear SVMs (L2-regularised, squared hinge) solved by dual coordinate descent with
// shrinking, as in LIBLINEAR: a strong, fast scorer for sparse text whose margins are then calibrated.
import { createPrng } from './prng.ts';
import type { LinearModel } from './linear-model.ts';
import type { SparseVector } from './text-features.ts';

/** Training settings for {@link trainLinearSvm}. */
export interface SvmOptions {
  /** Inverse regularisation strength. Default 1. */
  c: number;
  /** Stop when the projected-gradient spread falls below this. Default 0.1. */
  tolerance: number;
  /** Upper bound on passes per class. Default 100. */
  maxIterations: number;
  /** Value of the constant bias feature. Default 1. */
  biasFeature: number;
  /** Shuffle seed. Default 1. */
  seed: number;
}

export const defaultSvmOptions: SvmOptions = { c: 1, tolerance: 0.1, maxIterations: 100, biasFeature: 1, seed: 1 };

/** Fits one binary SVM per class (class versus the rest) and packs them into one {@link LinearModel}. */
export function trainLinearSvm(
  x: readonly SparseVector[],
  y: ArrayLike<number>,
  features: number,
  classes: number,
  options: Partial<SvmOptions> = {},
): LinearModel {
  const o = { ...defaultSvmOptions, ...options };
  const k = classes;
  const l = x.length;
  const weights = new Float32Array(features * k);
  const bias = new Float32Array(k);
  const diag = 0.5 / o.c;
  const qd = new Float64Array(l);
  for (let i = 0; i < l; i++) {
    let s = o.biasFeature * o.biasFeature + diag;
    const v = x[i]!.values;
    for (let j = 0; j < v.length; j++) s += v[j]! * v[j]!;
    qd[i] = s;
  }
  const w = new Float64Array(features);
  const alpha = new Float64Array(l);
  const index = new Int32Array(l);
  const random = createPrng(o.seed);
  for (let c = 0; c < k; c++) {
    w.fill(0);
    alpha.fill(0);
    let wb = 0;
    for (let i = 0; i < l; i++) index[i] = i;
    let active = l;
    let pgMaxOld = Infinity;
    for (let iter = 0; iter < o.maxIterations; iter++) {
      let pgMax = -Infinity;
      let pgMin = Infinity;
      for (let s = active - 1; s > 0; s--) {
        const t = Math.floor(random() * (s + 1));
        const tmp = index[s]!;
        index[s] = index[t]!;
        index[t] = tmp;
      }
      for (let s = 0; s < active; s++) {
        const i = index[s]!;
        const row = x[i]!;
        const yi = y[i] === c ? 1 : -1;
        let dot = wb * o.biasFeature;
        for (let j = 0; j < row.indices.length; j++) dot += w[row.indices[j]!]! * row.values[j]!;
        const g = yi * dot - 1 + alpha[i]! * diag;
        let pg = 0;
        if (alpha[i] === 0) {
          if (g > pgMaxOld) {
            active--;
            index[s] = index[active]!;
            index[active] = i;
            s--;
            continue;
          }
          if (g < 0) pg = g;
        } else pg = g;
        if (pg > pgMax) pgMax = pg;
        if (pg < pgMin) pgMin = pg;
        if (Math.abs(pg) > 1e-12) {
          const old = alpha[i]!;
          const next = Math.max(old - g / qd[i]!, 0);
          alpha[i] = next;
          const d = (next - old) * yi;
          for (let j = 0; j < row.indices.length; j++) w[row.indices[j]!] = w[row.indices[j]!]! + d * row.values[j]!;
          wb += d * o.biasFeature;
        }
      }
      if (pgMax - pgMin <= o.tolerance) {
        if (active === l) break;
        active = l;
        pgMaxOld = Infinity;
        continue;
      }
      pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
    }
    for (let f = 0; f < features; f++) weights[f * k + c] = w[f]!;
    bias[c] = wb * o.biasFeature;
  }
  return { features, classes, weights, bias };
}
