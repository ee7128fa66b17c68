// Versions & review inside the studio: what the draft changes since the last version, the
// history of versions, and the selected version's changes, review and deployments.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { apiFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { useStoreValue } from '../document/small-store.ts';
import type { Autosave } from '../studio/autosave.ts';
import { useStudio } from '../studio/studio-context.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { formatTime, personName } from '../ui/format.ts';
import { DiffView } from './DiffView.tsx';
import { versionKeys } from './query-keys.ts';
import { VersionBadges } from './VersionBadges.tsx';
import { VersionDetail } from './VersionDetail.tsx';

export function VersionsView({ autosave }: { autosave: Autosave }) {
  const { flowId } = useStudio();
  const versions = useQuery({ queryKey: versionKeys.list(flowId), queryFn: () => api.versions.list.query({ flowId, limit: 100 }) });
  const [selected, setSelected] = useState<string | 'draft' | null>(null);
  const list = versions.data ?? [];
  const current = selected ?? list[0]?.id ?? 'draft';
  return (
    <div className="versions-view">
      <aside className="versions-sidebar" aria-label="Version history">
        <button type="button" className={current === 'draft' ? 'version-item draft active' : 'version-item draft'} onClick={() => setSelected('draft')}>
          <span className="version-number">
            <Icon name="save" size={13} />
          </span>
          <span className="version-text">
            <strong>Draft</strong>
            <span className="muted small">Changes not committed yet</span>
          </span>
        </button>
        {versions.isPending && <Spinner />}
        {list.length === 0 && !versions.isPending && <p className="muted small versions-empty">No versions yet. Commit the draft to create version 1.</p>}
        <ol className="version-list">
          {list.map((v) => (
            <li key={v.id}>
              <button type="button" className={current === v.id ? 'version-item active' : 'version-item'} aria-current={current === v.id ? 'true' : undefined} onClick={() => setSelected(v.id)}>
                <span className="version-number">v{v.number}</span>
                <span className="version-text">
                  <strong>{v.message}</strong>
                  <span className="muted small">
                    {personName(v.author)} · {formatTime(v.createdAt)}
                  </span>
                  <VersionBadges version={v} />
                </span>
              </button>
            </li>
          ))}
        </ol>
      </aside>
      <section className="versions-main">{current === 'draft' ? <DraftChanges autosave={autosave} hasVersions={list.length > 0} /> : <VersionDetail key={current} versionId={current} />}</section>
    </div>
  );
}

function DraftChanges({ autosave, hasVersions }: { autosave: Autosave; hasVersions: boolean }) {
  const { flowId, store } = useStudio();
  const revision = useStoreValue(autosave.state, (s) => s.revision);
  const diff = useQuery({ queryKey: [...versionKeys.draftDiff(flowId), revision], queryFn: () => api.flows.diffDraft.query({ flowId }), enabled: hasVersions, retry: false });
  const base = useQuery({ queryKey: ['versions.get', diff.data?.from.ref ?? ''], queryFn: () => api.versions.get.query({ versionId: diff.data!.from.ref }), enabled: !!diff.data });
  if (!hasVersions) {
    return (
      <EmptyState icon="save" title="Nothing committed yet">
        Commit the draft (button at the top right) to create version 1; reviewers approve versions and only versions are deployed.
      </EmptyState>
    );
  }
  if (diff.isPending) return <Spinner label="Comparing the draft" />;
  if (diff.isError) {
    const f = apiFailure(diff.error);
    return <p className="panel-note">{f.code === 'BAD_REQUEST' ? 'The draft has problems, so it cannot be compared yet. Fix them first.' : f.message}</p>;
  }
  return (
    <div className="version-detail">
      <header className="version-header">
        <h2>Draft compared with version {diff.data.from.number}</h2>
        <p className="muted small">Saved automatically (revision {revision}). Commit it to make it reviewable.</p>
      </header>
      {base.data ? <DiffView diff={diff.data} from={base.data.document} to={store.doc as unknown as Record<string, unknown>} /> : <Spinner />}
    </div>
  );
}
