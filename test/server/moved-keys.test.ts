// Which escalation rules a diff reports as moved: the keys outside a longest common subsequence
// of the two orders. Checked against the textbook quadratic table on random lists, and on a
// list large enough that the table would not fit in the heap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { movedKeys } from '../../server/versioning/keyed-diff.ts';

/** Length of a longest common subsequence, by the dynamic-programming table. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = a.length - 1; i >= 0; i--) {
    const next = new Array<number>(b.length + 1).fill(0);
    for (let j = b.length - 1; j >= 0; j--) next[j] = a[i] === b[j] ? row[j + 1]! + 1 : Math.max(row[j]!, next[j + 1]!);
    row = next;
  }
  return row[0]!;
}

describe('movedKeys', () => {
  it('moves nothing when the order is kept, whatever was added or removed', () => {
    expect(movedKeys(['a', 'b', 'c', 'd'], ['x', 'a', 'c', 'y', 'd'])).toEqual(new Set());
  });

  it('moves one of two swapped keys, and the one key taken out of place', () => {
    expect(movedKeys(['a', 'b'], ['b', 'a']).size).toBe(1);
    expect(movedKeys(['a', 'b', 'c', 'd', 'e'], ['a', 'c', 'd', 'e', 'b'])).toEqual(new Set(['b']));
  });

  it('keeps a longest common subsequence in place, in order', () => {
    const uniqueKeys = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'), { maxLength: 16 });
    fc.assert(
      fc.property(uniqueKeys, uniqueKeys, (before, after) => {
        const moved = movedKeys(before, after);
        const common = after.filter((k) => before.includes(k));
        const stayed = common.filter((k) => !moved.has(k));
        // As few moved as possible, and those that stayed keep their relative order.
        expect(stayed.length).toBe(lcsLength(before, after));
        expect(stayed).toEqual(before.filter((k) => stayed.includes(k)));
      }),
      { numRuns: 300 },
    );
  });

  it('handles 24,000 reversed keys (the quadratic table needed ~4.6 GB)', () => {
    const keys = Array.from({ length: 24_000 }, (_, i) => `r${i}`);
    expect(movedKeys(keys, [...keys].reverse()).size).toBe(23_999);
  });
});
