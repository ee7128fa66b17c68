// Training examples agents suggested (they labelled an escalation with the intent the customer
// meant): one click adds the customer's words to that intent in this draft, or dismisses them.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TrainingSuggestion } from '../../shared/api/suggestions.ts';
import { describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { toEditorDoc } from '../document/editor-document.ts';
import type { Autosave } from '../studio/autosave.ts';
import { useStudio } from '../studio/studio-context.ts';
import { formatTime } from '../ui/format.ts';
import { notify } from '../ui/toast-store.ts';

export function SuggestionsPanel({ autosave, onOpenIntent }: { autosave: Autosave; onOpenIntent: (name: string) => void }) {
  const { flowId, store, readOnly } = useStudio();
  const queryClient = useQueryClient();
  const key = ['suggestions.list', flowId];
  const list = useQuery({ queryKey: key, queryFn: () => api.suggestions.list.query({ flowId }), enabled: !readOnly });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (readOnly || !list.data) return null;
  const items = list.data;

  const act = async (s: TrainingSuggestion, kind: 'add' | 'dismiss') => {
    setBusy(s.handoffId);
    setError(null);
    try {
      if (kind === 'add') {
        // Save pending edits first, so the example lands on the draft this tab shows.
        if (!(await autosave.flush())) throw new Error('Your latest edits are not saved yet; resolve that first.');
        const r = await api.suggestions.add.mutate({ handoffId: s.handoffId, baseRevision: autosave.state.get().revision });
        store.reset(toEditorDoc(r.document));
        autosave.adopt(r.revision, r.savedAt);
        notify('success', r.changed ? `Added to ${s.intent}` : `${s.intent} already had this example`);
        onOpenIntent(s.intent);
      } else {
        await api.suggestions.dismiss.mutate({ handoffId: s.handoffId });
      }
    } catch (e) {
      setError(describeFailure(e));
    } finally {
      setBusy(null);
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };

  return (
    <details className="suggestions" open={items.length > 0}>
      <summary>Suggested examples from agents ({items.length})</summary>
      {items.length === 0 ? (
        <p className="muted small">When an agent says the bot misunderstood a customer and names the right intent, the customer's message appears here to add as an example.</p>
      ) : (
        <ul className="suggestion-list" aria-label="Suggested examples">
          {items.map((s) => (
            <li key={s.handoffId} className="suggestion-row">
              <div>
                <div>“{s.text}”</div>
                <div className="muted small">
                  → <strong className="mono">{s.intent}</strong>
                  {s.botIntent ? ` (the bot thought ${s.botIntent})` : ''} · {s.labelledBy.name} {formatTime(s.labelledAt)}
                </div>
              </div>
              <div className="button-row">
                <button type="button" className="btn btn-sm btn-primary" disabled={busy !== null} onClick={() => void act(s, 'add')} aria-label={`Add “${s.text}” to ${s.intent}`}>
                  Add to draft
                </button>
                <button type="button" className="btn btn-sm btn-ghost" disabled={busy !== null} onClick={() => void act(s, 'dismiss')} aria-label={`Dismiss “${s.text}”`}>
                  Dismiss
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
