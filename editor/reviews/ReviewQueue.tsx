// The reviewer's home: versions waiting for review (policy changes flagged), and recent decisions.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ReviewStatus } from '../../shared/index.ts';
import { describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { routeHref } from '../app/route.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { formatTime, personName } from '../ui/format.ts';

type Status = Exclude<ReviewStatus, 'none'>;

export function ReviewQueue() {
  const [status, setStatus] = useState<Status>('pending');
  const queue = useQuery({ queryKey: ['reviews.queue', status], queryFn: () => api.reviews.queue.query({ status, limit: 200 }) });
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <h1>Reviews</h1>
          <p className="muted">Versions whose authors asked for a review. You cannot review a version you authored.</p>
        </div>
      </header>
      <Tabs
        tabs={[
          { id: 'pending', label: 'Waiting' },
          { id: 'approved', label: 'Approved' },
          { id: 'rejected', label: 'Rejected' },
        ]}
        value={status}
        onChange={setStatus}
        label="Review status"
        idPrefix="reviews"
      />
      <div role="tabpanel" id="reviews-panel" className="card">
        {queue.isPending ? (
          <Spinner />
        ) : queue.isError ? (
          <p className="form-error">{describeFailure(queue.error)}</p>
        ) : queue.data.length === 0 ? (
          <EmptyState icon="review" title={status === 'pending' ? 'Nothing waiting for review' : `No ${status} reviews`}>
            {status === 'pending' ? 'When a designer requests a review, it appears here.' : undefined}
          </EmptyState>
        ) : (
          <table className="table table-rows">
            <thead>
              <tr>
                <th scope="col">Flow</th>
                <th scope="col">Version</th>
                <th scope="col">Author</th>
                <th scope="col">Requested</th>
                <th scope="col">Policy</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.map((item) => (
                <tr key={item.versionId}>
                  <td>
                    <a href={routeHref({ screen: 'review', versionId: item.versionId })} className="row-link">
                      {item.flowName}
                    </a>
                    <div className="muted small mono">{item.flowId}</div>
                  </td>
                  <td>
                    v{item.number} <span className="muted">{item.message}</span>
                  </td>
                  <td>{personName(item.author)}</td>
                  <td>
                    {personName(item.requestedBy)} <span className="muted small">{formatTime(item.requestedAt)}</span>
                  </td>
                  <td>{item.policyChanged ? <span className="badge badge-warning">escalation policy changed</span> : <span className="muted small">no policy change</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </main>
  );
}
