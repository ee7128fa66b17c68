// Deep copies of JSON values for the draft state of a turn. structuredClone gives the same copy of
// JSON, but it serialises and deserialises, which cost ~0.5 µs even for `{}` on every turn.
import type { Json } from '../../shared/index.ts';

/**
 * A deep copy of `value`: objects keep their key order (a `__proto__` key stays an own property,
 * as spreading defines it), primitives are the same values (-0 included).
 */
export function cloneJson<T extends Json>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  const copy: Record<string, Json> = { ...value };
  for (const key of Object.keys(copy)) {
    const item = copy[key]!;
    // Assigning to an own property, even one named __proto__, sets that property.
    if (item !== null && typeof item === 'object') copy[key] = cloneJson(item);
  }
  return copy as T;
}
