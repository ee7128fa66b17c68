// Finds the feature ids of word unigrams and bigrams from their tokens. Featurising looked each one
// up by its key string (`w card`, `2 my card`), built per n-gram: a concatenation, then hashing the
// new string for the Map. Tokens are looked up as they are, and a token's hash is kept after its
// first lookup, so a bigram costs two lookups of hashed strings and no new string.

/**
 * Unigram and bigram ids keyed by their tokens. Returns what a lookup of the whole key in the
 * vocabulary returns: the key `2 a b` is split at its first space into `a` and `b`, and tokens
 * never contain a space (text-features.ts: runs of letters, marks and digits, or one symbol), so
 * a pair of tokens finds exactly the key their concatenation would be. Later ids replace earlier
 * ones for a repeated key, as in a Map of the keys.
 */
export class WordGramIds {
  private readonly unigrams = new Map<string, number>();
  private readonly bigrams = new Map<string, Map<string, number>>();

  /** Records `id` for `key` when it is a unigram (`w …`) or bigram (`2 …`) key; ignores other keys. */
  add(key: string, id: number): void {
    if (key.startsWith('w ')) this.unigrams.set(key.slice(2), id);
    else if (key.startsWith('2 ')) {
      const space = key.indexOf(' ', 2);
      if (space < 0) return; // "2 a": no pair of tokens builds it
      const first = key.slice(2, space);
      let seconds = this.bigrams.get(first);
      if (!seconds) this.bigrams.set(first, (seconds = new Map()));
      seconds.set(key.slice(space + 1), id);
    }
  }

  /** The id of the key `w <token>`. */
  unigram(token: string): number | undefined {
    return this.unigrams.get(token);
  }

  /** The id of the key `2 <first> <second>`. */
  bigram(first: string, second: string): number | undefined {
    return this.bigrams.get(first)?.get(second);
  }
}
