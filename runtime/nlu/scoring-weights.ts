// The classifier's weights laid out for scoring one text fast. A common feature has a weight for
// most classes, so scattering its non-zeros through their class indices costs more than adding a
// dense row (zeros included); rare features stay sparse so the layout stays small.
import type { SparseWeights } from './sparse-weights-codec.ts';
import type { SparseVector } from './text-features.ts';

/**
 * Linear class scores `bias + x · W` over {@link SparseWeights}, with rows that have at least half
 * their classes non-zero copied into a dense block. Scores equal the plain sparse loop's bit for
 * bit: every class still adds its terms in the order of `x`'s features, and adding a zero changes
 * no sum (at most a -0 score becomes +0, which a softmax cannot tell apart).
 */
export class ScoringWeights {
  private readonly weights: SparseWeights;
  /** Offset of feature `f`'s row in `dense`, or -1 when the row is sparse. */
  private readonly denseAt: Int32Array;
  private readonly dense: Float32Array;

  constructor(weights: SparseWeights) {
    const { features, classes, rowStart, cls, values } = weights;
    this.weights = weights;
    this.denseAt = new Int32Array(features).fill(-1);
    let rows = 0;
    for (let f = 0; f < features; f++) if (2 * (rowStart[f + 1]! - rowStart[f]!) >= classes) this.denseAt[f] = classes * rows++;
    this.dense = new Float32Array(classes * rows);
    for (let f = 0; f < features; f++) {
      const at = this.denseAt[f]!;
      if (at >= 0) for (let q = rowStart[f]!; q < rowStart[f + 1]!; q++) this.dense[at + cls[q]!] = values[q]!;
    }
  }

  /** Writes `bias[c] + Σ x[f] · W[f][c]` into `scores[c]` for every class, over the first `size` entries of `x` (default all). */
  scoreInto(x: SparseVector, bias: Float32Array, scores: Float64Array, size = x.indices.length): void {
    const { classes, rowStart, cls, values } = this.weights;
    const { denseAt, dense } = this;
    const { indices, values: xs } = x;
    for (let c = 0; c < classes; c++) scores[c] = bias[c]!;
    let j = 0;
    while (j < size) {
      const f = indices[j]!;
      const v = xs[j]!;
      const at = denseAt[f]!;
      if (at < 0) {
        const end = rowStart[f + 1]!;
        for (let q = rowStart[f]!; q < end; q++) {
          const c = cls[q]!;
          scores[c] = scores[c]! + v * values[q]!;
        }
        j++;
        continue;
      }
      // Two dense rows in a row share one pass over the scores; the left-to-right sum keeps each class's order.
      const next = j + 1 < size ? denseAt[indices[j + 1]!]! : -1;
      if (next < 0) {
        for (let c = 0; c < classes; c++) scores[c] = scores[c]! + v * dense[at + c]!;
        j++;
      } else {
        const w = xs[j + 1]!;
        for (let c = 0; c < classes; c++) scores[c] = scores[c]! + v * dense[at + c]! + w * dense[next + c]!;
        j += 2;
      }
    }
  }
}
