// One version: who made it and why, its review (request, approve, reject, comments) and its
// deployments, each action offered only to the roles that may take it, with the server's reason
// shown whenever the four-eyes rule or the deploy gate says no.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { environments, type Environment } from '../../shared/index.ts';
import { routeHref } from '../app/route.ts';
import { describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasRole } from '../auth/use-session.ts';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { formatTime, personName } from '../ui/format.ts';
import { notify } from '../ui/toast-store.ts';
import { versionKeys } from './query-keys.ts';
import { useInvalidateVersions } from './use-invalidate-flow.ts';
import { VersionChanges } from './VersionChanges.tsx';
import { ReviewThread } from './ReviewThread.tsx';
import { DeployPanel } from './DeployPanel.tsx';
import { VersionBadges } from './VersionBadges.tsx';
import { AttachedReplay } from '../replays/AttachedReplay.tsx';
import { ReplayPanel } from '../replays/ReplayPanel.tsx';

type Tab = 'changes' | 'review' | 'replay' | 'deploy';

export function VersionDetail({ versionId, initialTab = 'changes' }: { versionId: string; initialTab?: Tab }) {
  const user = useCurrentUser();
  const [tab, setTab] = useState<Tab>(initialTab);
  const [commentPath, setCommentPath] = useState('');
  const version = useQuery({ queryKey: versionKeys.get(versionId), queryFn: () => api.versions.get.query({ versionId }) });
  const review = useQuery({ queryKey: versionKeys.review(versionId), queryFn: () => api.reviews.get.query({ versionId }) });
  const invalidate = useInvalidateVersions();
  const [comment, setComment] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);

  const decide = useMutation({
    mutationFn: async (decision: 'approve' | 'reject') => {
      const v = version.data!;
      return decision === 'approve'
        ? api.reviews.approve.mutate({ versionId, contentHash: v.contentHash, ...(comment.trim() ? { comment: comment.trim() } : {}) })
        : api.reviews.reject.mutate({ versionId, comment: comment.trim() });
    },
    onSuccess: (_, decision) => {
      setComment('');
      setActionError(null);
      notify('success', decision === 'approve' ? `Version ${version.data?.number} approved` : `Version ${version.data?.number} rejected`);
      void invalidate();
    },
    onError: (e) => setActionError(describeFailure(e)),
  });
  const request = useMutation({
    mutationFn: () => api.reviews.request.mutate({ versionId }),
    onSuccess: () => {
      setActionError(null);
      notify('success', 'Review requested');
      void invalidate();
    },
    onError: (e) => setActionError(describeFailure(e)),
  });

  if (version.isPending) {
    return (
      <div className="page-center">
        <Spinner />
      </div>
    );
  }
  if (version.isError) return <p className="form-error">{describeFailure(version.error)}</p>;
  const v = version.data;
  const isAuthor = v.authors.some((a) => a?.id === user.id);
  const status = review.data?.status ?? v.reviewStatus;
  const canReview = hasRole(user, 'reviewer');
  const canRequest = hasRole(user, 'designer') && (status === 'none' || status === 'rejected');

  return (
    <div className="version-detail">
      <header className="version-header">
        <div>
          <h2>
            Version {v.number} <VersionBadges version={{ ...v, reviewStatus: status }} />
          </h2>
          <p className="version-message">{v.message}</p>
          <p className="muted small">
            {personName(v.author)} · {formatTime(v.createdAt)} · content <span className="mono" title={v.contentHash}>{v.contentHash.slice(0, 12)}</span>
            {v.authors.length > 1 && <> · authors: {v.authors.map(personName).join(', ')}</>}
            {v.knowledge && (
              <>
                {' '}
                · knowledge base{' '}
                <a href={routeHref({ screen: 'knowledge', kbId: v.knowledge.kbId })}>
                  {v.knowledge.kbId} v{v.knowledge.number}
                </a>
              </>
            )}
          </p>
        </div>
      </header>

      <div className="version-actions">
        {canRequest && status === 'none' && (
          <button type="button" className="btn btn-sm" onClick={() => request.mutate()} disabled={request.isPending}>
            <Icon name="review" size={14} /> Request review
          </button>
        )}
        {canReview && status !== 'approved' && (
          <div className="decision-box">
            {isAuthor ? (
              <p className="four-eyes-note" role="note" data-testid="four-eyes-note">
                <Icon name="users" size={14} /> You are an author of version {v.number}, so someone else must review it (four-eyes rule).
              </p>
            ) : (
              <>
                <label className="sr-only" htmlFor={`decision-${versionId}`}>
                  Review comment
                </label>
                <textarea id={`decision-${versionId}`} className="input textarea" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Comment (required to reject)" />
              </>
            )}
            <div className="button-row">
              <button type="button" className="btn btn-sm btn-success" disabled={isAuthor || decide.isPending} onClick={() => decide.mutate('approve')} title={isAuthor ? 'Authors cannot approve their own version' : 'Approve exactly this content'}>
                <Icon name="check" size={14} /> Approve
              </button>
              <button type="button" className="btn btn-sm btn-danger" disabled={isAuthor || decide.isPending || !comment.trim()} onClick={() => decide.mutate('reject')} title={comment.trim() ? 'Reject with this comment' : 'Write what needs to change first'}>
                <Icon name="x" size={14} /> Reject
              </button>
            </div>
          </div>
        )}
        {actionError && (
          <p className="form-error" role="alert" data-testid="action-error">
            <Icon name="error" size={14} /> {actionError}
          </p>
        )}
      </div>

      <AttachedReplay versionId={versionId} />

      <Tabs
        tabs={[
          { id: 'changes', label: 'Changes' },
          { id: 'review', label: 'Review', badge: review.data?.events.length || undefined },
          { id: 'replay', label: 'Replay' },
          { id: 'deploy', label: 'Deploy' },
        ]}
        value={tab}
        onChange={setTab}
        label="Version sections"
        idPrefix={`version-${versionId}`}
      />
      <div className="version-tab" role="tabpanel" id={`version-${versionId}-panel`}>
        {tab === 'changes' && (
          <VersionChanges
            version={v}
            onComment={(path) => {
              setCommentPath(path);
              setTab('review');
            }}
          />
        )}
        {tab === 'review' && <ReviewThread key={commentPath} versionId={versionId} review={review.data ?? null} initialPath={commentPath} />}
        {tab === 'replay' && <ReplayPanel version={v} reviewStatus={status} />}
        {tab === 'deploy' && <DeployPanel version={v} environments={environments as readonly Environment[]} />}
      </div>
    </div>
  );
}
