// The flow list: search, create, import and export JSON, and each flow's status (draft changed,
// in review, live where).
import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FlowSummary, JsonObject } from '../../shared/index.ts';
import { apiFailure, describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { routeHref } from '../app/route.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasRole } from '../auth/use-session.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { downloadText } from '../ui/download.ts';
import { formatTime, personName } from '../ui/format.ts';
import { notify } from '../ui/toast-store.ts';
import { CreateFlowDialog } from './CreateFlowDialog.tsx';
import { readFlowFile, replaceDraft } from './import-flow.ts';

export function FlowList() {
  const user = useCurrentUser();
  const designer = hasRole(user, 'designer');
  const flows = useQuery({ queryKey: ['flows.list'], queryFn: () => api.flows.list.query() });
  const client = useQueryClient();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [replace, setReplace] = useState<JsonObject | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (flows.data ?? []).filter((f) => !q || `${f.name} ${f.id}`.toLowerCase().includes(q));
  }, [flows.data, query]);

  const imported = (r: { flowId: string; created: boolean; problems: unknown[] }) => {
    void client.invalidateQueries({ queryKey: ['flows.list'] });
    notify('success', r.created ? `Imported ${r.flowId}` : `Replaced the draft of ${r.flowId}`, r.problems.length ? `${r.problems.length} problems to fix in the editor.` : undefined);
  };
  const importFile = useMutation({
    mutationFn: async (f: File) => {
      const document = await readFlowFile(f);
      try {
        return await api.flows.import.mutate({ document });
      } catch (e) {
        if (apiFailure(e).code === 'CONFLICT') {
          setReplace(document);
          return null;
        }
        throw e;
      }
    },
    onSuccess: (r) => r && imported(r),
    onError: (e) => notify('error', 'Import failed', describeFailure(e)),
  });
  const replaceMutation = useMutation({
    mutationFn: (document: JsonObject) => replaceDraft(document),
    onSuccess: (r) => {
      setReplace(null);
      imported(r);
    },
    onError: (e) => notify('error', 'Import failed', describeFailure(e)),
  });
  const exportFlow = async (flowId: string) => {
    try {
      const out = await api.flows.export.query({ flowId });
      downloadText(out.fileName, `${JSON.stringify(out.document, null, 2)}\n`);
    } catch (e) {
      notify('error', 'Export failed', describeFailure(e));
    }
  };

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <h1>Flows</h1>
          <p className="muted">Each flow is a support bot: a graph, its intents and its escalation policy.</p>
        </div>
        <div className="page-actions">
          <div className="search-box">
            <Icon name="search" size={15} />
            <input type="search" placeholder="Search flows" aria-label="Search flows" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          {designer && (
            <>
              <input
                ref={file}
                type="file"
                accept="application/json,.json"
                className="sr-only"
                aria-label="Import a flow file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) importFile.mutate(f);
                  e.target.value = '';
                }}
              />
              <button type="button" className="btn" onClick={() => file.current?.click()} disabled={importFile.isPending}>
                <Icon name="upload" size={15} /> Import JSON
              </button>
              <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                <Icon name="plus" size={15} /> New flow
              </button>
            </>
          )}
        </div>
      </header>
      {replace && (
        <div className="conflict-banner" role="alert">
          <Icon name="warning" size={18} />
          <div className="conflict-text">
            <strong>A flow “{String(replace.id)}” already exists.</strong>
            <span>Replace its draft with the imported file? Versions stay as they are; the current draft is overwritten.</span>
          </div>
          <button type="button" className="btn btn-sm" onClick={() => setReplace(null)}>
            Cancel
          </button>
          <button type="button" className="btn btn-sm btn-danger" onClick={() => replaceMutation.mutate(replace)} disabled={replaceMutation.isPending}>
            Replace draft
          </button>
        </div>
      )}
      <div className="card">
        {flows.isPending ? (
          <div className="page-center">
            <Spinner />
          </div>
        ) : flows.isError ? (
          <p className="form-error">{describeFailure(flows.error)}</p>
        ) : visible.length === 0 ? (
          <EmptyState icon="flow" title={query ? `No flow matches “${query}”` : 'No flows yet'} action={designer && !query ? <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>Create your first flow</button> : undefined}>
            {query ? undefined : 'Create a flow from scratch or import a JSON file.'}
          </EmptyState>
        ) : (
          <table className="table table-rows flow-table">
            <thead>
              <tr>
                <th scope="col">Flow</th>
                <th scope="col">Draft</th>
                <th scope="col">Latest version</th>
                <th scope="col">Review</th>
                <th scope="col">Staging</th>
                <th scope="col">Production</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((f) => (
                <FlowRow key={f.id} flow={f} onExport={() => void exportFlow(f.id)} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      <CreateFlowDialog open={creating} onClose={() => setCreating(false)} />
    </main>
  );
}

function FlowRow({ flow, onExport }: { flow: FlowSummary; onExport: () => void }) {
  const live = (env: 'staging' | 'production') => {
    const d = flow.deployments[env];
    return d ? (
      <span className={`badge env-${env}`} title={`since ${formatTime(d.deployedAt)}`}>
        v{d.number}
      </span>
    ) : (
      <span className="muted small">—</span>
    );
  };
  return (
    <tr>
      <td>
        <a className="row-link" href={routeHref({ screen: 'flow', flowId: flow.id, panel: null })}>
          {flow.name}
        </a>
        <div className="muted small mono">{flow.id}</div>
      </td>
      <td>
        {flow.draft.changedSinceCommit ? <span className="badge badge-warning">changed</span> : <span className="badge">committed</span>}
        <div className="muted small">
          {personName(flow.draft.updatedBy)} · {formatTime(flow.draft.updatedAt)}
        </div>
      </td>
      <td>{flow.latestVersion ? `v${flow.latestVersion.number}` : <span className="muted small">none</span>}</td>
      <td>{flow.pendingReviews > 0 ? <span className="badge badge-info">{flow.pendingReviews} waiting</span> : <span className="muted small">—</span>}</td>
      <td>{live('staging')}</td>
      <td>{live('production')}</td>
      <td className="row-actions">
        <button type="button" className="icon-button" aria-label={`Export ${flow.name} as JSON`} title="Export JSON" onClick={onExport}>
          <Icon name="download" size={15} />
        </button>
      </td>
    </tr>
  );
}
