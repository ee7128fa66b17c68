// step copies the conversation's variables with cloneJson instead of structuredClone; for JSON the
// copy must be the same, and share nothing with the original.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneJson } from '../../runtime/engine/clone-json.ts';
import type { Json } from '../../shared/index.ts';

/** Every object and array inside `value`, itself included. */
function containers(value: unknown, into: object[] = []): object[] {
  if (value !== null && typeof value === 'object') {
    into.push(value);
    for (const item of Object.values(value)) containers(item, into);
  }
  return into;
}

describe('cloneJson', () => {
  it('copies JSON as structuredClone does, sharing no object or array', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = cloneJson(value as Json);
        expect(isDeepStrictEqual(copy, structuredClone(value))).toBe(true);
        const originals = new Set(containers(value));
        expect(containers(copy).filter((c) => originals.has(c))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps -0, key order and a __proto__ key as an own property', () => {
    const value = JSON.parse('{"b": -0, "__proto__": {"x": [1, {"y": null}]}, "a": [-0, "s", true]}') as Json;
    const copy = cloneJson(value) as Record<string, Json>;
    expect(Object.keys(copy)).toEqual(['b', '__proto__', 'a']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.is(copy.b, -0)).toBe(true);
    expect(isDeepStrictEqual(copy, structuredClone(value))).toBe(true);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
  });
});
