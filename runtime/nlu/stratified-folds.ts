// Deterministic stratified fold assignment: used to carve a reproducible development split out of
// a labelled set and to hold out data for calibration while training.
import { createPrng, shuffleInPlace } from './prng.ts';

/**
 * Assigns each item (by its label) to one of `folds` folds so every label is spread evenly;
 * the order inside each label is shuffled with `seed`. Returns the fold of each item.
 */
export function stratifiedFolds(labels: readonly string[], folds: number, seed: number): Int32Array {
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const list = byLabel.get(label);
    if (list) list.push(i);
    else byLabel.set(label, [i]);
  });
  const random = createPrng(seed);
  const fold = new Int32Array(labels.length);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const items = shuffleInPlace(byLabel.get(label)!, random);
    items.forEach((item, k) => (fold[item] = (k + offset) % folds));
    offset += items.length;
  }
  return fold;
}

/**
 * Splits item indexes into a train and a held-out part: about `fraction` of each label is held
 * out (at least one per label with two or more items). Deterministic for a given `seed`.
 */
export function stratifiedSplit(labels: readonly string[], fraction: number, seed: number): { train: number[]; heldOut: number[] } {
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const list = byLabel.get(label);
    if (list) list.push(i);
    else byLabel.set(label, [i]);
  });
  const random = createPrng(seed);
  const heldOutSet = new Set<number>();
  for (const label of [...byLabel.keys()].sort()) {
    const items = shuffleInPlace(byLabel.get(label)!, random);
    const take = items.length < 2 ? 0 : Math.max(1, Math.round(items.length * fraction));
    for (const item of items.slice(0, take)) heldOutSet.add(item);
  }
  const train: number[] = [];
  const heldOut: number[] = [];
  labels.forEach((_, i) => (heldOutSet.has(i) ? heldOut : train).push(i));
  return { train, heldOut };
}
