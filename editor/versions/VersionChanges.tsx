// The Changes tab of a version: the diff against its parent (or, for a first version, the graph).
import { useQuery } from '@tanstack/react-query';
import type { VersionDetail } from '../../shared/index.ts';
import { describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { toEditorDoc } from '../document/editor-document.ts';
import { Spinner } from '../ui/Spinner.tsx';
import { DiffCanvas } from './DiffCanvas.tsx';
import { DiffView } from './DiffView.tsx';
import { FirstVersionPolicy } from './FirstVersionPolicy.tsx';
import { versionKeys } from './query-keys.ts';

export function VersionChanges({ version, onComment }: { version: VersionDetail; onComment?: (path: string) => void }) {
  const parentId = version.parentId;
  const diff = useQuery({ queryKey: versionKeys.diff(parentId ?? '', version.id), queryFn: () => api.versions.diff.query({ fromVersionId: parentId!, toVersionId: version.id }), enabled: !!parentId });
  const parent = useQuery({ queryKey: versionKeys.get(parentId ?? ''), queryFn: () => api.versions.get.query({ versionId: parentId! }), enabled: !!parentId });
  if (!parentId) {
    const first = toEditorDoc(version.document);
    return (
      <div className="diff-view" data-testid="diff-view">
        <p className="panel-note">The first version of this flow: everything in it is new, and its escalation policy needs an independent review.</p>
        <DiffCanvas from={null} to={first} diff={null} />
        <FirstVersionPolicy doc={first} {...(onComment ? { onComment } : {})} />
      </div>
    );
  }
  if (diff.isPending || parent.isPending) return <Spinner label="Comparing versions" />;
  if (diff.isError) return <p className="form-error">{describeFailure(diff.error)}</p>;
  if (parent.isError) return <p className="form-error">{describeFailure(parent.error)}</p>;
  return (
    <>
      <p className="muted small">
        Compared with version {parent.data.number} ({parent.data.message}).
      </p>
      <DiffView diff={diff.data} from={parent.data.document} to={version.document} {...(onComment ? { onComment } : {})} />
    </>
  );
}
