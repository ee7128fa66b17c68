// The review conversation on a version: request, comments (optionally about one part of the
// flow), approval or rejection — each bound to the content hash that was reviewed.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ReviewState } from '../../shared/index.ts';
import { describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasRole } from '../auth/use-session.ts';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { formatTime, personName } from '../ui/format.ts';
import { useInvalidateVersions } from './use-invalidate-flow.ts';

const kinds: Record<string, { icon: IconName; verb: string }> = {
  request: { icon: 'review', verb: 'requested a review' },
  comment: { icon: 'message', verb: 'commented' },
  approve: { icon: 'checkCircle', verb: 'approved' },
  reject: { icon: 'x', verb: 'rejected' },
};

export function ReviewThread({ versionId, review, initialPath = '' }: { versionId: string; review: ReviewState | null; initialPath?: string }) {
  const user = useCurrentUser();
  const [body, setBody] = useState('');
  const [path, setPath] = useState(initialPath);
  const invalidate = useInvalidateVersions();
  const comment = useMutation({
    mutationFn: () => api.reviews.comment.mutate({ versionId, body: body.trim(), ...(path.trim() ? { path: path.trim() } : {}) }),
    onSuccess: () => {
      setBody('');
      setPath('');
      void invalidate();
    },
  });
  const events = review?.events ?? [];
  return (
    <div className="review-thread">
      {events.length === 0 ? (
        <p className="panel-note">No review activity yet. A designer requests a review; a reviewer who is not an author approves or rejects.</p>
      ) : (
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id} className={`timeline-item event-${e.kind}`}>
              <span className="timeline-icon">
                <Icon name={kinds[e.kind]?.icon ?? 'message'} size={13} />
              </span>
              <div>
                <p>
                  <strong>{personName(e.author)}</strong> {kinds[e.kind]?.verb ?? e.kind} <span className="muted small">{formatTime(e.createdAt)}</span>
                </p>
                {e.path && <p className="mono small muted">on {e.path}</p>}
                {e.body && <p className="timeline-body">{e.body}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
      {hasRole(user, 'designer', 'reviewer') && (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) comment.mutate();
          }}
        >
          <label className="field">
            <span className="field-label">Comment</span>
            <textarea className="input textarea" rows={2} value={body} autoFocus={!!initialPath} onChange={(e) => setBody(e.target.value)} placeholder="Ask a question or suggest a change" />
          </label>
          <label className="field">
            <span className="field-label">About (optional)</span>
            <input className="input mono input-sm" value={path} onChange={(e) => setPath(e.target.value)} placeholder="escalation.rules[id=big-transfer].when" />
          </label>
          {comment.error && <p className="form-error">{describeFailure(comment.error)}</p>}
          <button type="submit" className="btn btn-sm" disabled={!body.trim() || comment.isPending}>
            Comment
          </button>
        </form>
      )}
    </div>
  );
}
