// The agent's inbox: the live queue of handoffs for the queues this agent serves (highest
// priority first, then oldest) beside the handoff being worked on.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { InboxItem } from '../../shared/api/inbox.ts';
import { api } from '../api/trpc.ts';
import { routeHref } from '../app/route.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { relativeTime } from '../ui/format.ts';
import { HandoffPanel } from './HandoffPanel.tsx';
import { useQueueChoice } from './queue-choice.ts';
import { useLive } from './use-live.ts';

/** Re-renders every `ms` so ages ("3 min ago") stay true. */
export function useNow(ms = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

export const priorityBadge: Record<InboxItem['priority'], string> = {
  urgent: 'badge badge-danger',
  high: 'badge badge-warning',
  normal: 'badge badge-info',
  low: 'badge',
};

export function InboxScreen({ handoffId }: { handoffId: string | null }) {
  const [queues, setQueues] = useQueueChoice();
  const input = queues === null ? {} : { queues };
  const feed = useLive<InboxItem[]>(
    JSON.stringify(input),
    (h) => api.inbox.feed.subscribe(input, h),
    () => api.inbox.list.query(input),
  );
  const now = useNow();
  const items = feed.data;
  const waiting = items?.filter((i) => i.status === 'waiting').length ?? 0;

  return (
    <div className="inbox">
      <aside className="inbox-queue" aria-label="Handoff queue">
        <div className="inbox-queue-header">
          <h1>
            Inbox <span className="muted">{waiting} waiting</span>
          </h1>
          <span className={feed.connected ? 'live-dot live' : 'live-dot'} role="status" title={feed.connected ? 'New handoffs appear as they arrive' : 'Connecting to live updates…'}>
            {feed.connected ? 'Live' : 'Connecting…'}
          </span>
        </div>
        <QueuePicker queues={queues} onChange={setQueues} />
        {feed.error && (
          <p className="form-error" role="alert">
            {feed.error}
          </p>
        )}
        {items === undefined ? (
          <Spinner label="Loading the queue" />
        ) : items.length === 0 ? (
          <EmptyState icon="chat" title="No one is waiting">
            {queues === null ? 'Escalated conversations appear here the moment the bot hands them over.' : `Nothing in ${queues.join(', ') || 'the chosen queues'}. Escalations appear here as they arrive.`}
          </EmptyState>
        ) : (
          <ul className="inbox-list" aria-label="Open handoffs">
            {items.map((item) => (
              <li key={item.handoffId}>
                <a
                  href={routeHref({ screen: 'inbox', handoffId: item.handoffId })}
                  className={item.handoffId === handoffId ? 'inbox-item active' : 'inbox-item'}
                  aria-current={item.handoffId === handoffId ? 'true' : undefined}
                >
                  <span className="inbox-item-top">
                    <span className={priorityBadge[item.priority]}>{item.priority}</span>
                    <span className="tag">{item.queue}</span>
                    <span className="muted small inbox-age" title={item.createdAt}>
                      {relativeTime(item.createdAt, now)}
                    </span>
                  </span>
                  <span className="inbox-summary">{item.summary}</span>
                  <span className="small muted">
                    {item.claimedBy ? (
                      <>
                        <Icon name="handoff" size={12} /> {item.claimedBy.name} has it
                      </>
                    ) : (
                      'Waiting for an agent'
                    )}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <section className="inbox-main">
        {handoffId ? (
          <HandoffPanel key={handoffId} handoffId={handoffId} />
        ) : (
          <EmptyState icon="handoff" title="Pick a conversation">
            Choose a handoff on the left to see why the bot escalated, what the customer said, and to take it over.
          </EmptyState>
        )}
      </section>
    </div>
  );
}

/** Which queues this agent serves: every queue, or a chosen few (remembered in this browser). */
function QueuePicker({ queues, onChange }: { queues: string[] | null; onChange: (q: string[] | null) => void }) {
  const known = useQuery({ queryKey: ['inbox.queues'], queryFn: () => api.inbox.queues.query(), refetchInterval: 60_000 });
  const options = [...new Set([...(known.data ?? []), ...(queues ?? [])])].sort();
  return (
    <fieldset className="queue-picker">
      <legend className="field-label">Queues I serve</legend>
      <label className="checkbox-label">
        <input type="checkbox" checked={queues === null} onChange={(e) => onChange(e.target.checked ? null : [...options])} /> All queues
      </label>
      {options.map((q) => (
        <label key={q} className="checkbox-label">
          <input
            type="checkbox"
            checked={queues === null || queues.includes(q)}
            onChange={(e) => {
              const current = queues ?? options;
              onChange(e.target.checked ? [...current, q] : current.filter((x) => x !== q));
            }}
          />{' '}
          {q}
        </label>
      ))}
      {options.length === 0 && <span className="muted small">Queues appear here once the first handoff reaches one.</span>}
    </fieldset>
  );
}
