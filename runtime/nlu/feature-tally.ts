// Counts the feature ids of one text without a Map: featurising is on every chat turn's hot path,
// and a count array indexed by id plus the list of ids touched is several times cheaper to fill and clear.

/** Occurrences per feature id of one text, with the distinct ids in first-seen order. Reused across texts. */
export class FeatureTally {
  private counts = new Int32Array(0);
  private seen = new Int32Array(0);
  /** Distinct ids counted since {@link FeatureTally.start}. */
  size = 0;

  /** Forgets the previous text and makes room for ids below `features`. */
  start(features: number): void {
    if (this.counts.length < features) {
      this.counts = new Int32Array(features);
      this.seen = new Int32Array(features);
    } else {
      for (let k = 0; k < this.size; k++) this.counts[this.seen[k]!] = 0;
    }
    this.size = 0;
  }

  add(id: number): void {
    const count = this.counts[id]!;
    if (count === 0) this.seen[this.size++] = id;
    this.counts[id] = count + 1;
  }

  /** The `k`-th distinct id, in first-seen order. */
  id(k: number): number {
    return this.seen[k]!;
  }

  count(id: number): number {
    return this.counts[id]!;
  }
}
