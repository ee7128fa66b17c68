// A minimal external store with selector subscriptions (the shape useSyncExternalStore wants),
// so editor state lives outside React and components re-render only for what they read.
import { useCallback, useRef, useSyncExternalStore } from 'react';

export interface SmallStore<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

export function createSmallStore<T>(initial: T): SmallStore<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      const value = typeof next === 'function' ? (next as (prev: T) => T)(state) : next;
      if (Object.is(value, state)) return;
      state = value;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads `selector(state)`; re-renders when the selected value changes (by `equal`, default Object.is). */
export function useStoreValue<T, S>(store: { get(): T; subscribe(l: () => void): () => void }, selector: (state: T) => S, equal: (a: S, b: S) => boolean = Object.is): S {
  const last = useRef<{ state: T; selector: (state: T) => S; value: S } | null>(null);
  const getSnapshot = useCallback(() => {
    const state = store.get();
    const prev = last.current;
    if (prev && prev.state === state && prev.selector === selector) return prev.value;
    const value = selector(state);
    const kept = prev && equal(prev.value, value) ? prev.value : value;
    last.current = { state, selector, value: kept };
    return kept;
  }, [store, selector, equal]);
  return useSyncExternalStore(store.subscribe, getSnapshot);
}

export function shallowEqualArrays<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/** Equality of two flat objects by their own keys (for selectors that return a few fields). */
export function shallowEqualObjects<T extends object>(a: T, b: T): boolean {
  const ka = Object.keys(a) as (keyof T)[];
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is(a[k], b[k]));
}
