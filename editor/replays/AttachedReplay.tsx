// The replay report attached to a version's review request, where the reviewer decides: the
// headline (escalation before → after, conversations that change) and the full report on demand.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/trpc.ts';
import { Icon } from '../ui/Icon.tsx';
import { replayKeys } from './replay-keys.ts';
import { ReplayReportView, versionNames, pct } from './ReplayReportView.tsx';


export function AttachedReplay({ versionId }: { versionId: string }) {
  const attached = useQuery({ queryKey: replayKeys.attached(versionId), queryFn: () => api.replays.attached.query({ versionId }) });
  const record = attached.data;
  if (!record) return null;
  const r = record.report;
  const names = versionNames(record);
  const changed = r.changes.newly_escalates + r.changes.no_longer_escalates + r.changes.different_queue;
  return (
    <section className="attached-replay" aria-label="Attached replay report" data-testid="attached-replay">
      <details>
        <summary>
          <Icon name="history" size={14} /> <strong>Replay before publish:</strong> escalation {pct(r.baseline.escalationRate)} → {pct(r.candidate.escalationRate)}, containment{' '}
          {pct(r.baseline.containmentRate)} → {pct(r.candidate.containmentRate)}; {changed} of {r.conversations} conversations change ({names.after.toLowerCase()} against{' '}
          {names.before.toLowerCase()}).
        </summary>
        <ReplayReportView record={record} />
      </details>
    </section>
  );
}
