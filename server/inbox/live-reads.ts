// Live views for the agent inbox (tRPC subscriptions over SSE): a read is repeated whenever the
// conversation bus is poked — by this process's commits or, on PostgreSQL, another process's via
// LISTEN/NOTIFY — and yielded when its result changed. Pokes arriving together cost one read; a
// slow poll covers a lost poke, as the widget's event stream does.
import type { SiteRuntime } from '../site-api/site-runtime.ts';
import { openStreams } from '../site-api/realtime/event-stream.ts';

export interface LiveReadOptions<T> {
  read: () => Promise<T>;
  /** Calls `poke` on every change that may alter the result; returns the unsubscribe function. */
  subscribe: ((poke: () => void) => () => void) | null;
  /** Aborted when the client goes away. */
  signal: AbortSignal | undefined;
  /** The site runtime whose shutdown ends the stream (server close must not wait for clients). */
  runtime: SiteRuntime | undefined;
  /** Re-read at least this often. Default 10 s. */
  pollMs?: number;
  /** Wait after a poke so a burst of pokes costs one read. Default 25 ms. */
  settleMs?: number;
}

/** Yields the read's result at once, then each time it changes, until the client leaves or the server closes. */
export async function* liveRead<T>(o: LiveReadOptions<T>): AsyncGenerator<T> {
  const pollMs = o.pollMs ?? 10_000;
  const settleMs = o.settleMs ?? 25;
  let dirty = true;
  let closed = false;
  let wake: (() => void) | null = null;
  const poke = () => {
    dirty = true;
    wake?.();
  };
  const close = () => {
    closed = true;
    wake?.();
  };
  const unsubscribe = o.subscribe?.(poke) ?? (() => {});
  o.signal?.addEventListener('abort', close);
  const streams = o.runtime ? (openStreams.get(o.runtime) ?? new Set<() => void>()) : null;
  if (o.runtime && streams) {
    openStreams.set(o.runtime, streams);
    streams.add(close);
  }
  let last: string | null = null;
  try {
    while (!closed && !o.signal?.aborted) {
      if (!dirty) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            dirty = true;
            resolve();
          }, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (closed) break;
        await new Promise((resolve) => setTimeout(resolve, settleMs));
      }
      dirty = false;
      const value = await o.read();
      const json = JSON.stringify(value);
      if (json !== last) {
        last = json;
        yield value;
      }
    }
  } finally {
    unsubscribe();
    o.signal?.removeEventListener('abort', close);
    streams?.delete(close);
  }
}
