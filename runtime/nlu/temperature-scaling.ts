// Temperature scaling (Guo et al., 2017): one scalar that turns raw scores into calibrated
// probabilities, fitted by minimising the negative log-likelihood of held-out predictions.

/**
 * Finds the temperature T in [0.005, 50] minimising the mean NLL of softmax(scores / T) against
 * `labels`, by golden-section search on log T. `scores` holds one row of `classes` values per item.
 * Returns 1 when there is nothing to fit.
 */
export function fitTemperature(scores: Float64Array, labels: ArrayLike<number>, classes: number): number {
  const n = labels.length;
  if (n === 0) return 1;
  const nll = (logT: number): number => {
    const t = Math.exp(logT);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const base = i * classes;
      let max = -Infinity;
      for (let c = 0; c < classes; c++) max = Math.max(max, scores[base + c]! / t);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += Math.exp(scores[base + c]! / t - max);
      total += Math.log(sum) + max - scores[base + labels[i]!]! / t;
    }
    return total / n;
  };
  let a = Math.log(0.005);
  let b = Math.log(50);
  const phi = (Math.sqrt(5) - 1) / 2;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = nll(c);
  let fd = nll(d);
  for (let iter = 0; iter < 60 && b - a > 1e-4; iter++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = nll(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = nll(d);
    }
  }
  return Math.exp((a + b) / 2);
}

