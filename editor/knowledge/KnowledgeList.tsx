// The list of knowledge bases: article counts, the newest version and whether the draft has
// uncommitted changes; designers create new ones here.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { describeFailure } from '../api/api-failure.ts';
import { FailureText } from '../ui/FailureText.tsx';
import { api } from '../api/trpc.ts';
import { navigate, routeHref } from '../app/route.ts';
import { Dialog, DialogActions } from '../ui/Dialog.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { formatTime } from '../ui/format.ts';
import { useCanEditKnowledge } from './use-knowledge-editor.ts';

export function KnowledgeList() {
  const canEdit = useCanEditKnowledge();
  const list = useQuery({ queryKey: ['knowledge.list'], queryFn: () => api.knowledge.list.query() });
  const [creating, setCreating] = useState(false);
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <h1>Knowledge bases</h1>
          <p className="muted">
            Help-centre articles that <strong>answer</strong> nodes reply from. A flow names one (<code>knowledge.base</code>); each flow version is committed with the
            newest knowledge-base version, so an article change reaches customers through the flow&rsquo;s review and deploy.
          </p>
        </div>
        {canEdit && (
          <div className="page-actions">
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              <Icon name="plus" size={15} /> New knowledge base
            </button>
          </div>
        )}
      </header>
      <div className="card">
        {list.isPending ? (
          <div className="page-center">
            <Spinner />
          </div>
        ) : list.isError ? (
          <p className="form-error">{describeFailure(list.error)}</p>
        ) : list.data.length === 0 ? (
          <EmptyState
            icon="answer"
            title="No knowledge bases yet"
            action={
              canEdit ? (
                <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                  Create a knowledge base
                </button>
              ) : undefined
            }
          >
            Create one, then import your help centre (Markdown files, a CSV of question,answer rows, or JSON) or write articles here.
          </EmptyState>
        ) : (
          <table className="table table-rows">
            <thead>
              <tr>
                <th scope="col">Knowledge base</th>
                <th scope="col">Articles</th>
                <th scope="col">Latest version</th>
                <th scope="col">Draft</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((kb) => (
                <tr key={kb.id}>
                  <td>
                    <a className="row-link" href={routeHref({ screen: 'knowledge', kbId: kb.id })}>
                      <strong>{kb.name}</strong>
                    </a>
                    <div className="muted small mono">
                      {kb.id} · {kb.locale}
                    </div>
                  </td>
                  <td>{kb.articleCount}</td>
                  <td>
                    {kb.latestVersion ? (
                      <>
                        v{kb.latestVersion.number} <span className="muted small">{formatTime(kb.latestVersion.createdAt)}</span>
                      </>
                    ) : (
                      <span className="muted">none yet</span>
                    )}
                  </td>
                  <td>{kb.draft.changedSinceCommit ? <span className="badge badge-changed">changed since commit</span> : <span className="muted small">committed</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <CreateKnowledgeDialog open={creating} onClose={() => setCreating(false)} />
    </main>
  );
}

function CreateKnowledgeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [locale, setLocale] = useState('en');
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: () => api.knowledge.create.mutate({ id: id.trim(), name: name.trim(), locale: locale.trim() || 'en' }),
    onSuccess: (kb) => {
      void client.invalidateQueries({ queryKey: ['knowledge.list'] });
      onClose();
      navigate({ screen: 'knowledge', kbId: kb.id });
    },
  });
  const idValid = /^[a-z0-9][a-z0-9-]*$/.test(id.trim());
  return (
    <Dialog
      open={open}
      title="New knowledge base"
      onClose={onClose}
      footer={
        <DialogActions onCancel={onClose} form="create-kb-form" disabled={create.isPending || !idValid || !name.trim()}>
          Create
        </DialogActions>
      }
    >
      <form
        id="create-kb-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (idValid && name.trim()) create.mutate();
        }}
      >
        <label className="field">
          <span className="field-label">Name</span>
          <input
            className="input"
            value={name}
            autoFocus
            onChange={(e) => {
              const next = e.target.value;
              if (!id || id === slug(name)) setId(slug(next));
              setName(next);
            }}
            placeholder="e.g. Banking help centre"
          />
        </label>
        <label className="field">
          <span className="field-label">Id</span>
          <input className="input mono" value={id} onChange={(e) => setId(e.target.value)} placeholder="banking-help-centre" aria-invalid={id !== '' && !idValid} />
          <span className={id !== '' && !idValid ? 'field-error' : 'field-help'}>
            {id !== '' && !idValid ? 'Use lowercase letters, digits and dashes.' : 'Flows refer to it by this id (knowledge.base); it cannot change later.'}
          </span>
        </label>
        <label className="field">
          <span className="field-label">Language</span>
          <input className="input" value={locale} onChange={(e) => setLocale(e.target.value)} placeholder="en" />
          <span className="field-help">English (en) articles are stemmed and stop words ignored; other languages match whole words.</span>
        </label>
        <FailureText error={create.error} />
      </form>
    </Dialog>
  );
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
