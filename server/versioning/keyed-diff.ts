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

/** Keys (present in both lists) whose relative order changed: those outside a longest common subsequence. */
export function movedKeys(before: readonly string[], after: readonly string[]): Set<string> {
  const common = new Set(before.filter((k) => after.includes(k)));
  const a = before.filter((k) => common.has(k));
  const b = after.filter((k) => common.has(k));
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const stay = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      stay.add(a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return new Set([...common].filter((k) => !stay.has(k)));
}
