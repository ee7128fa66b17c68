// One version under review, full width: its diff against the parent, the thread, the decision.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/trpc.ts';
import { routeHref } from '../app/route.ts';
import { Icon } from '../ui/Icon.tsx';
import { VersionDetail } from '../versions/VersionDetail.tsx';
import { versionKeys } from '../versions/query-keys.ts';

export function ReviewScreen({ versionId }: { versionId: string }) {
  const version = useQuery({ queryKey: versionKeys.get(versionId), queryFn: () => api.versions.get.query({ versionId }) });
  return (
    <main className="page page-wide">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <a href="#/reviews">
          <Icon name="chevronLeft" size={14} /> Reviews
        </a>
        {version.data && (
          <>
            <span aria-hidden="true">/</span>
            <a href={routeHref({ screen: 'flow', flowId: version.data.flowId, panel: 'versions' })}>{version.data.flowId}</a>
          </>
        )}
      </nav>
      <div className="card">
        <VersionDetail versionId={versionId} />
      </div>
    </main>
  );
}
