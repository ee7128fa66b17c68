// Finds the feature ids of word unigrams and bigrams from a text's tokens. Featurising looked each
// n-gram up by its key string (`w card`, `2 my card`), built per n-gram: a concatenation, then
// hashing the new string. Now each token is looked up once, and its n-grams by token ids.

/**
 * Unigram and bigram feature ids by token ids. A lookup returns what a lookup of the whole key in
 * the vocabulary returns: the key `2 a b` is split at its first space into the tokens `a` and `b`,
 * and tokens never contain a space (text-features.ts: runs of letters, marks and digits, or one
 * symbol), so a pair of tokens finds exactly the key their concatenation would be. A repeated key
 * keeps its last id, as a Map of the keys does.
 */
export class WordGramIds {
  /** Every token that occurs in a unigram or bigram key, by its id. */
  private readonly tokenIds = new Map<string, number>();
  /** Feature id of the unigram of each token id; -1 when there is none. */
  private readonly unigramIds: Int32Array;
  /** The bigrams starting with token t, by second token id: entries `pairStart[t]` to `pairStart[t + 1]`. */
  private readonly pairStart: Int32Array;
  private readonly pairSecond: Int32Array;
  private readonly pairIds: Int32Array;

  /** Indexes the unigram (`w …`) and bigram (`2 …`) keys of a vocabulary; `keys[i]` has feature id i. */
  constructor(keys: readonly string[]) {
    const tokenOf = (token: string): number => {
      let id = this.tokenIds.get(token);
      if (id === undefined) this.tokenIds.set(token, (id = this.tokenIds.size));
      return id;
    };
    const unigrams: Array<[token: number, id: number]> = [];
    const bigrams: Array<[first: number, second: number, id: number]> = [];
    keys.forEach((key, id) => {
      if (key.startsWith('w ')) unigrams.push([tokenOf(key.slice(2)), id]);
      else if (key.startsWith('2 ')) {
        const space = key.indexOf(' ', 2);
        if (space >= 0) bigrams.push([tokenOf(key.slice(2, space)), tokenOf(key.slice(space + 1)), id]);
      }
    });
    const tokens = this.tokenIds.size;
    this.unigramIds = new Int32Array(tokens).fill(-1);
    for (const [token, id] of unigrams) this.unigramIds[token] = id;
    // Bigrams by first token, then second; of a repeated pair only the last key's id is kept.
    bigrams.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    const kept = bigrams.filter((b, i) => i + 1 === bigrams.length || bigrams[i + 1]![0] !== b[0] || bigrams[i + 1]![1] !== b[1]);
    this.pairStart = new Int32Array(tokens + 1);
    this.pairSecond = new Int32Array(kept.length);
    this.pairIds = new Int32Array(kept.length);
    kept.forEach(([first, second, id], at) => {
      this.pairStart[first + 1]!++;
      this.pairSecond[at] = second;
      this.pairIds[at] = id;
    });
    for (let t = 0; t < tokens; t++) this.pairStart[t + 1]! += this.pairStart[t]!;
  }

  /** The token's id, or -1 when no unigram or bigram key has it. */
  tokenId(token: string): number {
    return this.tokenIds.get(token) ?? -1;
  }

  /** The feature id of the key `w <token>`, or -1. */
  unigram(token: number): number {
    return token < 0 ? -1 : this.unigramIds[token]!;
  }

  /** The feature id of the key `2 <first> <second>`, or -1. */
  bigram(first: number, second: number): number {
    if (first < 0 || second < 0) return -1;
    // Binary search: a common first word ("the", "my") starts hundreds of bigrams.
    let lo = this.pairStart[first]!;
    let hi = this.pairStart[first + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.pairSecond[mid]!;
      if (at === second) return this.pairIds[mid]!;
      if (at < second) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }
}
