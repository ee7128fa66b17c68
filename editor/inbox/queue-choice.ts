// The queues an agent serves, remembered in this browser (null: every queue).
import { useCallback, useState } from 'react';

const KEY = 'switchboard.inbox.queues';

function read(): string[] | null {
  try {
    const raw = localStorage.getItem(KEY);
    const value: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(value) && value.every((q) => typeof q === 'string') ? value : null;
  } catch {
    return null;
  }
}

export function useQueueChoice(): [string[] | null, (queues: string[] | null) => void] {
  const [queues, setQueues] = useState<string[] | null>(read);
  const choose = useCallback((next: string[] | null) => {
    if (next === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(next));
    setQueues(next);
  }, []);
  return [queues, choose];
}
