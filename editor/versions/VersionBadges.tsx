// A version's state at a glance: review status, policy change, where it is live.
import type { VersionSummary } from '../../shared/index.ts';

export function VersionBadges({ version }: { version: Pick<VersionSummary, 'reviewStatus' | 'approved' | 'policyChanged' | 'liveIn'> }) {
  return (
    <span className="badges">
      {version.reviewStatus === 'pending' && <span className="badge badge-info">in review</span>}
      {version.reviewStatus === 'approved' && <span className="badge badge-success">approved</span>}
      {version.reviewStatus === 'rejected' && <span className="badge badge-danger">rejected</span>}
      {version.approved && version.reviewStatus !== 'approved' && <span className="badge badge-success">approved content</span>}
      {version.policyChanged && <span className="badge badge-warning" title="Escalation rules, thresholds or handoff nodes changed">policy change</span>}
      {version.liveIn.map((env) => (
        <span key={env} className={`badge badge-live env-${env}`}>
          live in {env}
        </span>
      ))}
    </span>
  );
}
