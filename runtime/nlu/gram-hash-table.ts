// Maps the 53-bit hash of a character n-gram to its feature id with typed arrays: featurising looks
// up hundreds of n-grams per text, and a Map keyed by non-integer numbers boxes and hashes each key.

/**
 * An open-addressing (linear probing) table from an n-gram's two 32-bit hash lanes to a feature id.
 * Two keys are the same when lane `a` and the top 21 bits of lane `b` agree (the 53 bits that fit a
 * double exactly), so it matches a `Map` keyed by `(a >>> 0) * 2 ** 21 + (b >>> 11)`: adding a key
 * again replaces its id. Fixed capacity, at most half full.
 */
export class GramHashTable {
  private readonly laneA: Int32Array;
  private readonly laneB: Int32Array;
  /** Feature id per slot; -1 marks an empty slot. */
  private readonly ids: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  /** A table with room for `size` keys. */
  constructor(size: number) {
    let bits = 1;
    while (1 << bits < 2 * size) bits++;
    this.laneA = new Int32Array(1 << bits);
    this.laneB = new Int32Array(1 << bits);
    this.ids = new Int32Array(1 << bits).fill(-1);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** Stores `id` for the n-gram hashed to lanes `a`, `b`. */
  set(a: number, b: number, id: number): void {
    const high = b >>> 11;
    let slot = this.slotOf(a);
    while (this.ids[slot] !== -1 && !(this.laneA[slot] === (a | 0) && this.laneB[slot] === high)) slot = (slot + 1) & this.mask;
    this.laneA[slot] = a;
    this.laneB[slot] = high;
    this.ids[slot] = id;
  }

  /** The feature id of the n-gram hashed to lanes `a`, `b`, or -1. */
  get(a: number, b: number): number {
    const high = b >>> 11;
    for (let slot = this.slotOf(a); ; slot = (slot + 1) & this.mask) {
      const id = this.ids[slot]!;
      if (id === -1 || (this.laneA[slot] === (a | 0) && this.laneB[slot] === high)) return id;
    }
  }

  /** Fibonacci hashing: lane `a` is already a hash, the multiply spreads it over the top bits. */
  private slotOf(a: number): number {
    return Math.imul(a, 0x9e3779b1) >>> this.shift;
  }
}
