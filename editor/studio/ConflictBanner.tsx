// Shown when someone else saved this flow's draft since this tab loaded it: says who and when,
// and offers the two honest ways out.
import { useState } from 'react';
import { api } from '../api/trpc.ts';
import { describeFailure } from '../api/api-failure.ts';
import { toEditorDoc } from '../document/editor-document.ts';
import { useStoreValue } from '../document/small-store.ts';
import { Icon } from '../ui/Icon.tsx';
import { notify } from '../ui/toast-store.ts';
import type { Autosave } from './autosave.ts';
import { useStudio } from './studio-context.ts';
import { formatTime } from '../ui/format.ts';

export function ConflictBanner({ autosave }: { autosave: Autosave }) {
  const { flowId, store } = useStudio();
  const conflict = useStoreValue(autosave.state, (s) => s.conflict);
  const [busy, setBusy] = useState(false);
  if (!conflict) return null;
  const who = conflict.savedBy ? conflict.savedBy.name || conflict.savedBy.email : 'Someone';
  const loadTheirs = async () => {
    setBusy(true);
    try {
      const draft = await api.flows.get.query({ flowId });
      store.reset(toEditorDoc(draft.document));
      autosave.adopt(draft.revision, draft.updatedAt);
      notify('info', `Loaded ${who}'s version of the draft`);
    } catch (e) {
      notify('error', 'Could not load the latest draft', describeFailure(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="conflict-banner" role="alert">
      <Icon name="warning" size={18} />
      <div className="conflict-text">
        <strong>
          {who} saved this flow at {formatTime(conflict.savedAt)} (revision {conflict.revision}).
        </strong>
        <span>Your latest changes are not saved. Keep theirs (your unsaved edits are dropped), or save yours over theirs.</span>
      </div>
      <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void loadTheirs()}>
        Load their version
      </button>
      <button type="button" className="btn btn-sm btn-danger" disabled={busy} onClick={() => void autosave.overwrite()}>
        Keep mine
      </button>
    </div>
  );
}
