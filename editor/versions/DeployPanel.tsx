// Deploy a version to staging or production after the deploy gate agrees (asked before the click,
// so the reasons show up front), roll an environment back, and see what ran where.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Environment, VersionDetail } from '../../shared/index.ts';
import { apiFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasRole } from '../auth/use-session.ts';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { formatTime, personName } from '../ui/format.ts';
import { notify } from '../ui/toast-store.ts';
import { versionKeys } from './query-keys.ts';
import { useInvalidateVersions } from './use-invalidate-flow.ts';

export function DeployPanel({ version, environments }: { version: VersionDetail; environments: readonly Environment[] }) {
  const history = useQuery({ queryKey: versionKeys.deployments(version.flowId), queryFn: () => api.deployments.history.query({ flowId: version.flowId, limit: 50 }) });
  return (
    <div className="deploy-panel">
      <div className="deploy-envs">
        {environments.map((env) => (
          <EnvironmentCard key={env} env={env} version={version} />
        ))}
      </div>
      <h3 className="section-title">History</h3>
      {history.isPending ? (
        <Spinner />
      ) : history.data && history.data.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Where</th>
              <th scope="col">What</th>
              <th scope="col">Who</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((d) => (
              <tr key={d.id}>
                <td>{formatTime(d.deployedAt)}</td>
                <td>
                  <span className={`badge env-${d.environment}`}>{d.environment}</span>
                </td>
                <td>
                  {d.kind === 'rollback' ? 'Rolled back to' : 'Deployed'} version {d.number}
                  {d.replacedNumber !== null && <span className="muted"> (replacing {d.replacedNumber})</span>}
                </td>
                <td>{personName(d.deployedBy)}</td>
                <td className="muted">{d.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="panel-note">This flow was never deployed.</p>
      )}
    </div>
  );
}

function EnvironmentCard({ env, version }: { env: Environment; version: VersionDetail }) {
  const user = useCurrentUser();
  const canDeploy = hasRole(user, 'designer', 'admin');
  const check = useQuery({ queryKey: versionKeys.check(version.id, env), queryFn: () => api.deployments.check.query({ versionId: version.id, environment: env }) });
  const invalidate = useInvalidateVersions();
  const [confirming, setConfirming] = useState(false);
  const [rollingBack, setRollingBack] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ message: string; reasons: string[] } | null>(null);
  const deploy = useMutation({
    mutationFn: () => api.deployments.deploy.mutate({ versionId: version.id, environment: env, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: (r) => {
      setConfirming(false);
      setError(null);
      notify('success', r.unchanged ? `Version ${version.number} was already live in ${env}` : `Version ${version.number} deployed to ${env}`);
      void invalidate();
    },
    onError: (e) => {
      const f = apiFailure(e);
      setError({ message: f.message, reasons: f.reasons });
    },
  });
  const rollback = useMutation({
    mutationFn: () => api.deployments.rollback.mutate({ flowId: version.flowId, environment: env }),
    onSuccess: (r) => {
      notify('success', `${env} rolled back to version ${r.deployment.number}`);
      void invalidate();
    },
    onError: (e) => {
      const f = apiFailure(e);
      setError({ message: f.message, reasons: f.reasons });
    },
  });
  const c = check.data;
  const live = version.liveIn.includes(env);
  return (
    <section className={`env-card env-${env}`} aria-label={env} data-testid={`env-${env}`}>
      <header>
        <h3>{env === 'production' ? 'Production' : 'Staging'}</h3>
        {c?.replaces ? <span className="muted small">live now: version {c.replaces.number}</span> : <span className="muted small">nothing live yet</span>}
      </header>
      {check.isPending ? (
        <Spinner size={14} />
      ) : live || c?.alreadyLive ? (
        <p className="env-state ok">
          <Icon name="checkCircle" size={14} /> Version {version.number} is live here.
        </p>
      ) : c?.allowed ? (
        <p className="env-state ok">
          <Icon name="check" size={14} /> Ready to deploy{c.needsApproval ? ' (independently approved)' : ''}.
        </p>
      ) : (
        <div className="env-state blocked">
          <p>
            <Icon name="warning" size={14} /> Cannot be deployed here yet:
          </p>
          <ul>{c?.reasons.map((r, i) => <li key={i}>{r}</li>)}</ul>
        </div>
      )}
      {canDeploy && !live && !c?.alreadyLive && (
        <>
          {confirming ? (
            <div className="confirm-box">
              <p>
                Deploy version {version.number} to {env}
                {c?.replaces ? `, replacing version ${c.replaces.number}` : ''}? New conversations start on it at once.
              </p>
              <input className="input input-sm" aria-label="Deployment note" placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
              <div className="button-row">
                <button type="button" className="btn btn-sm" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
                <button type="button" className="btn btn-sm btn-primary" onClick={() => deploy.mutate()} disabled={deploy.isPending}>
                  <Icon name="rocket" size={14} /> Deploy to {env}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="btn btn-sm btn-primary" disabled={!c?.allowed} onClick={() => setConfirming(true)} title={c?.allowed ? undefined : c?.reasons.join(' ')}>
              <Icon name="rocket" size={14} /> Deploy to {env}
            </button>
          )}
        </>
      )}
      {canDeploy && c?.replaces && !rollingBack && (
        <button type="button" className="btn btn-ghost btn-xs" onClick={() => setRollingBack(true)}>
          <Icon name="rollback" size={12} /> Roll back {env}
        </button>
      )}
      {rollingBack && c?.replaces && (
        <div className="confirm-box">
          <p>
            Put the version that was live before version {c.replaces.number} back in {env}? Only independently approved versions can be rolled back to.
          </p>
          <div className="button-row">
            <button type="button" className="btn btn-sm" onClick={() => setRollingBack(false)}>
              Cancel
            </button>
            <button type="button" className="btn btn-sm btn-danger" onClick={() => rollback.mutate(undefined, { onSettled: () => setRollingBack(false) })} disabled={rollback.isPending}>
              <Icon name="rollback" size={14} /> Roll back {env}
            </button>
          </div>
        </div>
      )}
      {error && (
        <div className="form-error" role="alert" data-testid={`deploy-error-${env}`}>
          <Icon name="error" size={14} /> {error.message}
          {error.reasons.length > 0 && !error.message.includes(error.reasons[0]!) && (
            <ul>
              {error.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
