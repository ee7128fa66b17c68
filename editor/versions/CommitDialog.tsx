// Commit the draft as an immutable version with a message; then, in one click, ask for review.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { apiFailure } from '../api/api-failure.ts';
import { FailureText } from '../ui/FailureText.tsx';
import { api, type ApiOutputs } from '../api/trpc.ts';
import type { Autosave } from '../studio/autosave.ts';
import { useProblems, useStudio } from '../studio/studio-context.ts';
import { Dialog, DialogActions } from '../ui/Dialog.tsx';
import { Icon } from '../ui/Icon.tsx';
import { notify } from '../ui/toast-store.ts';
import { useInvalidateVersions } from './use-invalidate-flow.ts';

type Version = ApiOutputs['flows']['commit'];

export function CommitDialog({ open, onClose, autosave, onCommitted }: { open: boolean; onClose: () => void; autosave: Autosave; onCommitted: (v: Version) => void }) {
  const { flowId, ui } = useStudio();
  const errors = useProblems((p) => p.errors);
  const [message, setMessage] = useState('');
  const [committed, setCommitted] = useState<Version | null>(null);
  const [note, setNote] = useState('');
  const invalidate = useInvalidateVersions();
  const commit = useMutation({
    mutationFn: async () => {
      const saved = await autosave.flush();
      if (!saved) throw new Error(autosave.state.get().error ?? 'The draft could not be saved; resolve that first.');
      return api.flows.commit.mutate({ flowId, baseRevision: autosave.state.get().revision, message });
    },
    onSuccess: (version) => {
      setCommitted(version);
      setMessage('');
      void invalidate();
      onCommitted(version);
    },
  });
  const request = useMutation({
    mutationFn: (versionId: string) => api.reviews.request.mutate({ versionId, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => {
      notify('success', `Review requested for version ${committed?.number}`);
      void invalidate();
      close();
    },
  });
  const close = () => {
    setCommitted(null);
    commit.reset();
    request.reset();
    onClose();
  };
  const failure = commit.error ? apiFailure(commit.error) : null;

  if (committed) {
    return (
      <Dialog
        open={open}
        title={`Version ${committed.number} committed`}
        onClose={close}
        footer={
          <DialogActions onCancel={close} cancelLabel="Not now" onConfirm={() => request.mutate(committed.id)} disabled={request.isPending}>
            <Icon name="review" size={14} /> Request review
          </DialogActions>
        }
      >
        <p>
          <Icon name="checkCircle" size={16} className="text-success" /> “{committed.message}” is saved as version {committed.number}.
        </p>
        {committed.policyChanged ? (
          <p className="review-note">
            <Icon name="rules" size={15} /> It changes escalation rules, thresholds or handoff nodes, so a reviewer other than its authors must approve it before it can go live.
          </p>
        ) : (
          <p className="muted">It does not change the escalation policy; production still needs an approval.</p>
        )}
        <label className="field">
          <span className="field-label">Note for the reviewer (optional)</span>
          <textarea className="input textarea" rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="What to look at first" />
        </label>
        <FailureText error={request.error} />
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      title="Commit a version"
      onClose={close}
      footer={
        <DialogActions onCancel={close} form="commit-form" disabled={commit.isPending || !message.trim() || errors > 0}>
          {commit.isPending ? 'Committing…' : 'Commit'}
        </DialogActions>
      }
    >
      <form
        id="commit-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (message.trim() && errors === 0) commit.mutate();
        }}
      >
        <p className="muted">A version is an immutable copy of the draft. Reviewers approve versions, and only versions are deployed.</p>
        {errors > 0 && (
          <p className="form-error" role="alert">
            <Icon name="error" size={14} /> The draft has {errors} problem{errors === 1 ? '' : 's'} to fix first.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                ui.set((u) => ({ ...u, problemsOpen: true }));
                close();
              }}
            >
              Show problems
            </button>
          </p>
        )}
        <label className="field">
          <span className="field-label">What changed</span>
          <textarea className="input textarea" rows={3} value={message} autoFocus onChange={(e) => setMessage(e.target.value)} placeholder="e.g. Escalate chargeback mentions to payments" />
        </label>
        {failure && (
          <div className="form-error" role="alert">
            <Icon name="error" size={14} /> {failure.message}
            {failure.problems.length > 0 && (
              <ul>
                {failure.problems.slice(0, 5).map((p, i) => (
                  <li key={i}>
                    <code>{p.path}</code> {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
    </Dialog>
  );
}
