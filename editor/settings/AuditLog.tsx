// The hash-chained audit trail (admin): newest first, with a one-click verification of the chain.
import { useMutation, useQuery } from '@tanstack/react-query';
import { describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { formatTime } from '../ui/format.ts';

export function AuditLog() {
  const entries = useQuery({ queryKey: ['audit.list'], queryFn: () => api.audit.list.query({ limit: 200 }) });
  const verify = useMutation({ mutationFn: () => api.audit.verify.query() });
  return (
    <section className="card">
      <div className="section-head">
        <h2 className="card-title">Audit trail</h2>
        <button type="button" className="btn btn-sm" onClick={() => verify.mutate()} disabled={verify.isPending}>
          <Icon name="checkCircle" size={14} /> Verify the chain
        </button>
      </div>
      {verify.data && (
        <p className={verify.data.ok ? 'panel-note text-success' : 'form-error'} role="status">
          {verify.data.ok ? `All ${verify.data.entries} entries verified; head ${verify.data.headHash.slice(0, 16)}…` : `${verify.data.problems.length} problems: ${verify.data.problems[0]?.message ?? ''}`}
        </p>
      )}
      {verify.error && <p className="form-error">{describeFailure(verify.error)}</p>}
      {entries.isPending ? (
        <Spinner />
      ) : entries.isError ? (
        <p className="form-error">{describeFailure(entries.error)}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">On</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((e) => (
              <tr key={e.seq}>
                <td className="muted">{e.seq}</td>
                <td>{formatTime(e.at)}</td>
                <td>{e.actor}</td>
                <td className="mono">{e.action}</td>
                <td className="mono small">
                  {e.targetType} {e.targetId}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
