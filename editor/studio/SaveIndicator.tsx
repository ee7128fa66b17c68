// The draft's save state in words: saved when, saving, unsaved, offline, conflict, read-only.
import { useEffect, useState } from 'react';
import { useStoreValue } from '../document/small-store.ts';
import { Icon } from '../ui/Icon.tsx';
import { relativeTime } from '../ui/format.ts';
import type { Autosave } from './autosave.ts';

export function SaveIndicator({ autosave }: { autosave: Autosave }) {
  const state = useStoreValue(autosave.state, (s) => s);
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 15_000);
    return () => clearInterval(t);
  }, []);
  const label = {
    saved: `Saved ${relativeTime(state.savedAt)}`,
    dirty: 'Unsaved changes',
    saving: 'Saving…',
    error: `Not saved: ${state.error ?? 'retrying'}`,
    conflict: 'Not saved: conflict',
    readonly: 'Read only',
  }[state.status];
  return (
    <span className={`save-indicator save-${state.status}`} role="status" aria-live="polite" data-testid="save-status" title={state.status === 'saved' ? `Revision ${state.revision}` : (state.error ?? undefined)}>
      <Icon name={state.status === 'error' || state.status === 'conflict' ? 'cloudOff' : state.status === 'readonly' ? 'info' : 'cloud'} size={14} />
      {label}
    </span>
  );
}
