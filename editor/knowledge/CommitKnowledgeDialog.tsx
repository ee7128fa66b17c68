// Commit the draft as an immutable knowledge-base version (its search index is built now and
// stored with it), and say how it reaches customers: through the flows that use it.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { FailureText } from '../ui/FailureText.tsx';
import { api } from '../api/trpc.ts';
import { routeHref } from '../app/route.ts';
import { Dialog, DialogActions } from '../ui/Dialog.tsx';
import { notify } from '../ui/toast-store.ts';
import type { KnowledgeDetail } from './KnowledgeBaseView.tsx';

export function CommitKnowledgeDialog({ kb, onClose, onCommitted }: { kb: KnowledgeDetail; onClose: () => void; onCommitted: () => void }) {
  const [message, setMessage] = useState('');
  const commit = useMutation({
    mutationFn: () => api.knowledge.commit.mutate({ kbId: kb.id, baseRevision: kb.revision, message: message.trim() }),
    onSuccess: (v) => {
      notify('success', `Version ${v.number} committed`, `${v.articleCount} articles, search index stored.`);
      onCommitted();
      onClose();
    },
  });
  const flows = [...new Set(kb.usedBy.map((u) => u.flowId))];
  return (
    <Dialog
      open
      title="Commit a knowledge-base version"
      onClose={onClose}
      footer={
        <DialogActions onCancel={onClose} form="kb-commit-form" disabled={!message.trim() || commit.isPending}>
          {commit.isPending ? 'Committing…' : 'Commit'}
        </DialogActions>
      }
    >
      <form
        id="kb-commit-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (message.trim()) commit.mutate();
        }}
      >
        <p className="muted">
          A version is an immutable copy of the {kb.articleCount} articles with their search index. Live conversations keep the version their flow was committed with.
        </p>
        <label className="field">
          <span className="field-label">What changed</span>
          <textarea className="input textarea" rows={3} autoFocus value={message} onChange={(e) => setMessage(e.target.value)} placeholder="e.g. Clearer answer about stolen cards" />
        </label>
        <p className="field-help">
          {flows.length ? (
            <>
              To put it live, commit a new version of{' '}
              {flows.map((f, i) => (
                <span key={f}>
                  {i > 0 && ', '}
                  <a href={routeHref({ screen: 'flow', flowId: f, panel: null })}>{f}</a>
                </span>
              ))}{' '}
              (it picks up this version), have it reviewed and deploy it.
            </>
          ) : (
            'No flow uses this knowledge base yet: name it in a flow (knowledge.base) and add an answer node.'
          )}
        </p>
        <FailureText error={commit.error} />
      </form>
    </Dialog>
  );
}
