// "Replay before publish" for one version: replay stored conversations of a period (or an
// uploaded labelled CSV) against what is deployed, read what would change, and attach the report
// to the version's review request so the reviewer sees the projected effect.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { environments, type Environment, type ReplayRecord, type ReviewStatus, type VersionDetail } from '../../shared/index.ts';
import { apiFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasRole } from '../auth/use-session.ts';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { notify } from '../ui/toast-store.ts';
import { replayKeys } from './replay-keys.ts';
import { ReplayReportView } from './ReplayReportView.tsx';
import { useInvalidateVersions } from '../versions/use-invalidate-flow.ts';

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export function ReplayPanel({ version, reviewStatus }: { version: VersionDetail; reviewStatus: ReviewStatus }) {
  const user = useCurrentUser();
  const canRun = hasRole(user, 'designer', 'reviewer', 'admin');
  const canAttach = hasRole(user, 'designer');
  const invalidate = useInvalidateVersions();
  const [source, setSource] = useState<'stored' | 'csv'>('stored');
  const [from, setFrom] = useState(() => isoDay(Date.now() - 30 * DAY_MS));
  const [to, setTo] = useState(() => isoDay(Date.now()));
  const [limit, setLimit] = useState(500);
  const [file, setFile] = useState<File | null>(null);
  const [environment, setEnvironment] = useState<Environment>('production');
  const [note, setNote] = useState('');
  const [record, setRecord] = useState<ReplayRecord | null>(null);
  const [error, setError] = useState<{ message: string; reasons: string[] } | null>(null);
  const attached = useQuery({ queryKey: replayKeys.attached(version.id), queryFn: () => api.replays.attached.query({ versionId: version.id }) });

  const run = useMutation({
    mutationFn: async () => {
      const input =
        source === 'stored'
          ? { type: 'stored' as const, from: `${from}T00:00:00.000Z`, to: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS).toISOString(), limit }
          : { type: 'csv' as const, csv: await file!.text(), fileName: file!.name };
      return api.replays.run.mutate({ flowId: version.flowId, versionId: version.id, environment, source: input });
    },
    onSuccess: (r) => {
      setRecord(r);
      setError(null);
    },
    onError: (e) => {
      const f = apiFailure(e);
      setError({ message: f.message, reasons: f.reasons });
    },
  });
  const attach = useMutation({
    mutationFn: (replayId: string) =>
      reviewStatus === 'none'
        ? api.reviews.request.mutate({ versionId: version.id, replayId, ...(note.trim() ? { note: note.trim() } : {}) }).then(() => 'requested' as const)
        : api.replays.attach.mutate({ replayId }).then(() => 'attached' as const),
    onSuccess: (how) => {
      setError(null);
      notify('success', how === 'requested' ? 'Review requested with the replay report' : 'Replay report attached to the review request');
      // The versions' invalidation covers replays.attached too.
      void invalidate();
    },
    onError: (e) => {
      const f = apiFailure(e);
      setError({ message: f.message, reasons: f.reasons });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (source === 'csv' && !file) {
      setError({ message: 'Choose a CSV file to replay first.', reasons: [] });
      return;
    }
    run.mutate();
  };
  const isAttached = record !== null && attached.data?.id === record.id;

  return (
    <div className="replay-panel">
      <h3 className="section-title">Replay before publish</h3>
      <p className="field-help">
        Runs real conversations through version {version.number} and through the version live in the environment you choose, and shows what would change: who would now be
        handed to a human or not, which escalation rules fire more or less, and the projected containment and escalation rates. Attach the report to the review request so
        the reviewer sees it.
      </p>
      {attached.data && attached.data.id !== record?.id && (
        <p className="panel-note" data-testid="replay-attached-note">
          <Icon name="checkCircle" size={14} /> A report is attached to the review request of version {version.number} (shown above the tabs).
        </p>
      )}
      {!canRun ? (
        <p className="panel-note">Designers, reviewers and admins can run replays.</p>
      ) : (
        <form className="replay-form" onSubmit={submit} aria-label="Replay settings">
          <fieldset className="field">
            <legend className="field-label">Conversations to replay</legend>
            <label className="checkbox-label">
              <input type="radio" name={`replay-source-${version.id}`} checked={source === 'stored'} onChange={() => setSource('stored')} /> Stored conversations of this flow
            </label>
            <label className="checkbox-label">
              <input type="radio" name={`replay-source-${version.id}`} checked={source === 'csv'} onChange={() => setSource('csv')} /> Upload a labelled CSV
            </label>
          </fieldset>
          {source === 'stored' ? (
            <div className="field-row replay-period">
              <label className="field">
                <span className="field-label">From</span>
                <input className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
              </label>
              <label className="field">
                <span className="field-label">To (inclusive)</span>
                <input className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
              </label>
              <label className="field">
                <span className="field-label">At most</span>
                <input className="input" type="number" min={1} max={2000} value={limit} onChange={(e) => setLimit(Math.max(1, Math.min(2000, Number(e.target.value) || 1)))} />
                <span className="field-help">The newest conversations first.</span>
              </label>
            </div>
          ) : (
            <label className="field">
              <span className="field-label">Labelled CSV file</span>
              <input className="input" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              <span className="field-help">
                A header row, then one customer message per row: <code>text,expected_intent,should_escalate</code> (the last two columns are optional; should_escalate is yes or
                no). Bad rows are listed with their row number and nothing is stored.
              </span>
            </label>
          )}
          <label className="field replay-env">
            <span className="field-label">Compare against what is live in</span>
            <select className="input" value={environment} onChange={(e) => setEnvironment(e.target.value as Environment)}>
              {environments.map((env) => (
                <option key={env} value={env}>
                  {env}
                </option>
              ))}
            </select>
          </label>
          <div className="button-row">
            <button type="submit" className="btn btn-sm btn-primary" disabled={run.isPending}>
              {run.isPending ? <Spinner size={14} /> : <Icon name="play" size={14} />} Run replay
            </button>
          </div>
        </form>
      )}
      {error && (
        <div className="form-error" role="alert" data-testid="replay-error">
          <Icon name="error" size={14} /> {error.message}
          {error.reasons.length > 1 && (
            <ul>
              {error.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {record && (
        <>
          <ReplayReportView record={record} />
          {(reviewStatus === 'approved' || reviewStatus === 'rejected') && (
            <p className="panel-note">The review of version {version.number} is already decided ({reviewStatus}), so this report cannot be attached; it is kept with the flow's reports.</p>
          )}
          {canAttach && (reviewStatus === 'none' || reviewStatus === 'pending') && (
            <div className="confirm-box replay-attach">
              {isAttached ? (
                <p>
                  <Icon name="checkCircle" size={14} /> This report is attached to the review request.
                </p>
              ) : reviewStatus === 'none' ? (
                <>
                  <p>Request review of version {version.number} with this report attached.</p>
                  <input className="input input-sm" aria-label="Note for the reviewer" placeholder="Note for the reviewer (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
                  <div className="button-row">
                    <button type="button" className="btn btn-sm btn-primary" onClick={() => attach.mutate(record.id)} disabled={attach.isPending}>
                      <Icon name="review" size={14} /> Request review with this report
                    </button>
                  </div>
                </>
              ) : (
                <div className="button-row">
                  <button type="button" className="btn btn-sm btn-primary" onClick={() => attach.mutate(record.id)} disabled={attach.isPending}>
                    <Icon name="review" size={14} /> Attach to the review request
                  </button>
                </div>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
