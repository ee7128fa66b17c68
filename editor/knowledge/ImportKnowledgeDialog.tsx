// Import articles from files: Markdown files (one article each), one CSV (question,answer[,url,tags])
// or one JSON knowledge base. All or nothing: the server lists every bad row or file and imports
// nothing until they are fixed.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { Dialog, DialogActions } from '../ui/Dialog.tsx';
import { Icon } from '../ui/Icon.tsx';
import { notify } from '../ui/toast-store.ts';
import type { KnowledgeDetail } from './KnowledgeBaseView.tsx';

interface ImportProblem {
  file: string;
  line?: number;
  path?: string;
  message: string;
}

function importProblems(error: unknown): ImportProblem[] {
  if (!(error instanceof TRPCClientError)) return [];
  const data: unknown = error.data;
  const list = typeof data === 'object' && data !== null ? (data as { importProblems?: unknown }).importProblems : undefined;
  return Array.isArray(list) ? (list as ImportProblem[]) : [];
}

export function ImportKnowledgeDialog({ kb, onClose, onImported }: { kb: KnowledgeDetail; onClose: () => void; onImported: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const run = useMutation({
    mutationFn: async () => {
      const read = await Promise.all(files.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() })));
      return api.knowledge.import.mutate({ kbId: kb.id, baseRevision: kb.revision, files: read, mode });
    },
    onSuccess: (r) => {
      notify('success', 'Imported', `${r.added} added, ${r.replaced} replaced${r.removed ? `, ${r.removed} removed` : ''}; ${r.articleCount} articles in the draft.`);
      onImported();
      onClose();
    },
  });
  const problems = run.error ? importProblems(run.error) : [];
  return (
    <Dialog
      open
      title="Import articles"
      width={620}
      onClose={onClose}
      footer={
        <DialogActions onCancel={onClose} onConfirm={() => run.mutate()} disabled={files.length === 0 || run.isPending}>
          {run.isPending ? 'Importing…' : `Import ${files.length || ''} file${files.length === 1 ? '' : 's'}`}
        </DialogActions>
      }
    >
      <p className="muted">
        Choose <strong>Markdown files</strong> (one article each; optional front matter <code>title</code>, <code>url</code>, <code>tags</code>, <code>id</code>, <code>locale</code>, else the first
        heading is the title), <strong>one CSV</strong> with <code>question,answer[,url,tags]</code> rows (tags separated by <code>|</code>), or <strong>one JSON</strong> export. Nothing is imported if
        any row or file has a problem.
      </p>
      <label className="field">
        <span className="field-label">Files</span>
        <input
          className="input"
          type="file"
          multiple
          accept=".md,.markdown,.csv,.json,text/markdown,text/csv,application/json"
          onChange={(e) => {
            setFiles(Array.from(e.target.files ?? []));
            run.reset();
          }}
        />
        <span className="field-help">{files.length ? `${files.length} file${files.length === 1 ? '' : 's'} chosen: ${files.slice(0, 4).map((f) => f.name).join(', ')}${files.length > 4 ? '…' : ''}` : 'Select several .md files at once to import a folder.'}</span>
      </label>
      <fieldset className="field kb-mode">
        <legend className="field-label">Existing articles</legend>
        <label className="checkbox-label">
          <input type="radio" name="kb-import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Keep them; imported articles replace those with the same id
        </label>
        <label className="checkbox-label">
          <input type="radio" name="kb-import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace all articles with the imported ones
        </label>
      </fieldset>
      {run.error && (
        <div className="form-error" role="alert">
          <Icon name="error" size={14} /> {problems.length ? `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix.` : describeFailure(run.error)}
          {problems.length > 0 && (
            <ul className="kb-import-problems" aria-label="Import problems">
              {problems.slice(0, 200).map((p, i) => (
                <li key={i}>
                  <span className="mono">
                    {p.file}
                    {p.line !== undefined ? `:${p.line}` : ''}
                    {p.path ? ` ${p.path}` : ''}
                  </span>{' '}
                  {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Dialog>
  );
}
