// Generic building blocks of the structural diff: field-by-field comparison of two values and
// matching of two lists by a key (node id, rule id, intent name).
import type { FieldChange, Json } from '../../shared/index.ts';
import { canonicalJson } from '../crypto/canonical-json.ts';

export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Fields that differ between two objects, as paths relative to them. With `deep`, nested objects
 * are compared field by field (`data.validation.min`); lists and scalars are compared whole.
 */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, o: { deep: boolean; prefix?: string; skip?: readonly string[] }): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    if (o.skip?.includes(key)) continue;
    const a = before[key];
    const b = after[key];
    const path = o.prefix ? `${o.prefix}.${key}` : key;
    if (a === undefined && b === undefined) continue;
    if (o.deep && isPlainObject(a) && isPlainObject(b)) {
      out.push(...fieldChanges(a, b, { deep: true, prefix: path }));
      continue;
    }
    if (sameJson(a, b)) continue;
    out.push({ path, ...(a !== undefined ? { before: a as Json } : {}), ...(b !== undefined ? { after: b as Json } : {}) });
  }
  return out;
}

export interface KeyedChange<T> {
  key: string;
  change: 'added' | 'removed' | 'changed';
  before?: T;
  after?: T;
  fromIndex?: number;
  toIndex?: number;
}

/** Matches two lists by key; returns added, removed and (present in both, `differs` true) changed items, in `after` order then removed. */
export function keyedChanges<T>(before: readonly T[], after: readonly T[], key: (t: T) => string, differs: (a: T, b: T) => boolean): KeyedChange<T>[] {
  const beforeByKey = new Map(before.map((item, index) => [key(item), { item, index }] as const));
  const afterKeys = new Set(after.map(key));
  const out: KeyedChange<T>[] = [];
  after.forEach((item, toIndex) => {
    const k = key(item);
    const old = beforeByKey.get(k);
    if (!old) out.push({ key: k, change: 'added', after: item, toIndex });
    else if (differs(old.item, item)) out.push({ key: k, change: 'changed', before: old.item, after: item, fromIndex: old.index, toIndex });
  });
  before.forEach((item, fromIndex) => {
    const k = key(item);
    if (!afterKeys.has(k)) out.push({ key: k, change: 'removed', before: item, fromIndex });
  });
  return out;
}

/**
 * Keys (present in both lists) whose relative order changed: those outside a longest common
 * subsequence. Keys are unique (a draft may repeat one; only its first place counts), so that is a
 * longest increasing run of before-positions taken in after order: patience sorting, O(n log n)
 * time and O(n) memory. (A table of common subsequences grew with the square of the list: 24,000
 * rules took the process past its heap.)
 */
export function movedKeys(before: readonly string[], after: readonly string[]): Set<string> {
  const position = new Map<string, number>();
  before.forEach((k, i) => {
    if (!position.has(k)) position.set(k, i);
  });
  const common: string[] = [];
  const seen = new Set<string>();
  for (const k of after) {
    if (position.has(k) && !seen.has(k)) {
      seen.add(k);
      common.push(k);
    }
  }
  const rank = common.map((k) => position.get(k)!);
  // tails[l]: the index in `common` ending the increasing run of length l + 1 with the smallest last rank.
  const tails: number[] = [];
  const previous = new Array<number>(common.length);
  for (let i = 0; i < common.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rank[tails[mid]!]! < rank[i]!) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  }
  const stay = new Set<string>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) stay.add(common[i]!);
  return new Set(common.filter((k) => !stay.has(k)));
}
