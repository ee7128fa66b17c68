// A tRPC subscription as React state: the latest value pushed over SSE, whether the push channel
// is up, and the last error. The link reconnects on its own; `refresh` refetches at once (after
// this agent's own action, so the screen does not wait for the push).
import { useCallback, useEffect, useState } from 'react';
import { describeFailure } from '../api/api-failure.ts';

interface Handlers<T> {
  onData: (value: T) => void;
  onError: (error: unknown) => void;
  onConnectionStateChange: (state: { state: 'idle' | 'connecting' | 'pending' }) => void;
}

export interface Live<T> {
  data: T | undefined;
  error: string | null;
  /** False while the push channel is (re)connecting. */
  connected: boolean;
  refresh: () => void;
}

/**
 * `subscribe` opens the subscription (it must return its unsubscribe handle); `fetch` reads the
 * same value once. Both are re-run when `key` changes.
 */
export function useLive<T>(key: string, subscribe: (h: Handlers<T>) => { unsubscribe(): void }, fetch: () => Promise<T>): Live<T> {
  const [state, setState] = useState<{ key: string; data: T | undefined; error: string | null; connected: boolean }>({ key, data: undefined, error: null, connected: false });
  useEffect(() => {
    const sub = subscribe({
      onData: (data) => setState({ key, data, error: null, connected: true }),
      onError: (error) => setState((s) => ({ ...s, key, error: describeFailure(error) })),
      onConnectionStateChange: (c) => setState((s) => ({ ...s, key, connected: c.state === 'pending' })),
    });
    return () => sub.unsubscribe();
    // `subscribe` is rebuilt each render; the key says when the subscription must change.
  }, [key]);
  const refresh = useCallback(() => {
    fetch().then(
      (data) => setState((s) => ({ ...s, key, data, error: null })),
      (error: unknown) => setState((s) => ({ ...s, key, error: describeFailure(error) })),
    );
  }, [key]);
  const current = state.key === key ? state : { data: undefined, error: null, connected: false };
  return { data: current.data, error: current.error, connected: current.connected, refresh };
}
