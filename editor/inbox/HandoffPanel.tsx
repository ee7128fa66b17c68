// One handoff as the agent works it: claim, the package at a glance (why, what the bot
// understood, which risk rules fired, who the customer is, what was collected), the live
// transcript, then reply, hand back to the bot, resolve — and the label on the escalation.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { InboxDetail } from '../../shared/api/inbox.ts';
import type { Json } from '../../shared/index.ts';
import { describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { formatTime, relativeTime } from '../ui/format.ts';
import { notify } from '../ui/toast-store.ts';
import { priorityBadge, useNow } from './InboxScreen.tsx';
import { LabelForm } from './LabelForm.tsx';
import { useLive } from './use-live.ts';

const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

function show(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function HandoffPanel({ handoffId }: { handoffId: string }) {
  const user = useCurrentUser();
  const live = useLive<InboxDetail>(
    handoffId,
    (h) => api.inbox.watch.subscribe({ handoffId }, h),
    () => api.inbox.get.query({ handoffId }),
  );
  const [claimError, setClaimError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow();
  const d = live.data;
  if (!d) {
    return live.error ? (
      <EmptyState icon="warning" title="This handoff cannot be shown">
        {live.error}
      </EmptyState>
    ) : (
      <Spinner label="Opening the conversation" />
    );
  }
  const { item } = d;
  const mine = item.claimedBy?.id === user.id;
  const open = item.status !== 'resolved';

  const claim = async () => {
    setBusy(true);
    setClaimError(null);
    try {
      await api.inbox.claim.mutate({ handoffId });
      live.refresh();
    } catch (error) {
      setClaimError(describeFailure(error));
      live.refresh();
    } finally {
      setBusy(false);
    }
  };

  const pkg = d.package;
  const rules = pkg.reasons.filter((r) => r.source === 'rule');
  return (
    <article className="handoff" aria-label="Handoff">
      <header className="handoff-header">
        <div>
          <div className="inbox-item-top">
            <span className={priorityBadge[item.priority]}>{item.priority}</span>
            <span className="tag">{item.queue}</span>
            <span className="muted small">
              escalated {relativeTime(item.createdAt, now)} · flow {item.flowId} · {pkg.channel}
            </span>
          </div>
          <h2 className="handoff-summary">{pkg.summary}</h2>
        </div>
        <div className="handoff-claim">
          {item.status === 'waiting' && (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void claim()}>
              <Icon name="handoff" size={15} /> Claim
            </button>
          )}
          {item.status === 'assigned' && (
            <span className={mine ? 'badge badge-success' : 'badge badge-warning'} role="status">
              {mine ? 'You have this conversation' : `${item.claimedBy?.name ?? 'Another agent'} has this conversation`}
            </span>
          )}
          {item.status === 'resolved' && (
            <span className="badge" role="status">
              Resolved
            </span>
          )}
        </div>
      </header>
      {claimError && (
        <p className="form-error" role="alert">
          {claimError}
        </p>
      )}

      <section className="handoff-glance" aria-label="Handoff package">
        <div className="glance-card">
          <h3>Why</h3>
          <ul className="glance-list">
            {pkg.reasons.map((r, i) => (
              <li key={i}>
                <strong>{r.name}</strong> <span className="muted small">({r.source === 'rule' ? `rule ${r.id ?? ''}` : r.source === 'node' ? `node ${r.id ?? ''}` : 'built in'}, {r.reason})</span>
              </li>
            ))}
          </ul>
          <h3>Risk rules that fired</h3>
          {rules.length === 0 ? <p className="muted small">None — the flow or the customer asked for a person.</p> : <p>{rules.map((r) => r.name).join(', ')}</p>}
          {pkg.tags.length > 0 && (
            <p>
              {pkg.tags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))}
            </p>
          )}
        </div>
        <div className="glance-card">
          <h3>What the bot understood</h3>
          {pkg.intent?.name ? (
            <p>
              <strong className="mono">{pkg.intent.name}</strong> at {percent(pkg.intent.confidence)} confidence
            </p>
          ) : (
            <p className="muted">No intent recognised.</p>
          )}
          {pkg.intent && pkg.intent.alternatives.length > 0 && (
            <p className="small muted">Alternatives: {pkg.intent.alternatives.map((a) => `${a.intent} ${percent(a.confidence)}`).join(' · ')}</p>
          )}
        </div>
        <KeyValues title="Customer" values={pkg.customer} empty="The site passed no customer fields." />
        <KeyValues title="Collected" values={pkg.variables} empty="The bot collected no variables." />
      </section>

      <Transcript detail={d} />

      {open && mine && <AgentActions detail={d} onDone={live.refresh} />}
      {(mine || item.status === 'resolved') && <LabelForm detail={d} onSaved={live.refresh} />}
      {!live.connected && <p className="muted small">Reconnecting to live updates…</p>}
    </article>
  );
}

function KeyValues({ title, values, empty }: { title: string; values: Record<string, Json>; empty: string }) {
  const entries = Object.entries(values);
  return (
    <div className="glance-card">
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <dl className="facts">
          {entries.map(([k, v]) => (
            <div key={k} className="fact">
              <dt className="mono">{k}</dt>
              <dd>{show(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function Transcript({ detail }: { detail: InboxDetail }) {
  const box = useRef<HTMLElement>(null);
  const count = detail.messages.length;
  // Keep the newest message in view inside the transcript (not by scrolling the whole page).
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);
  return (
    <section ref={box} className="transcript" aria-label="Transcript" aria-live="polite">
      {detail.messages.map((m) => (
        <div key={m.id} className={`line line-${m.role}`}>
          <span className="line-who">{m.role === 'user' ? 'Customer' : m.role === 'agent' ? (m.author ?? 'Agent') : m.role === 'bot' ? 'Bot' : 'System'}</span>
          <span className="line-text">{m.text}</span>
          <span className="line-at muted small">{formatTime(m.at)}</span>
        </div>
      ))}
      {detail.conversationStatus === 'active' && <p className="chat-event">The bot has the conversation again.</p>}
      {detail.conversationStatus === 'ended' && <p className="chat-event">The conversation has ended.</p>}
    </section>
  );
}

/** How often the inbox tells the customer's widget that the agent is typing. */
const TYPING_SIGNAL_EVERY_MS = 2500;

function AgentActions({ detail, onDone }: { detail: InboxDetail; onDone: () => void }) {
  const handoffId = detail.item.handoffId;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [node, setNode] = useState(detail.resumePoints.find((p) => p.type === 'intent')?.nodeId ?? detail.resumePoints[0]?.nodeId ?? '');
  const [outcome, setOutcome] = useState<'resolved' | 'abandoned'>('resolved');
  const typingSentAt = useRef(0);

  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await what();
      notify('success', done);
      onDone();
      return true;
    } catch (e) {
      setError(describeFailure(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  // The customer sees "<you> is typing" while signals keep coming (the widget lets one lapse after 6 s).
  const changeReply = (value: string) => {
    setText(value);
    if (!value.trim() || Date.now() - typingSentAt.current < TYPING_SIGNAL_EVERY_MS) return;
    typingSentAt.current = Date.now();
    // Best effort: a lost signal only means no "typing…" for a moment.
    api.inbox.typing.mutate({ handoffId }).catch(() => {});
  };
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError('Write a reply first.');
    if (await run(() => api.inbox.reply.mutate({ handoffId, text }), 'Reply sent')) setText('');
  };

  return (
    <section className="agent-actions" aria-label="Actions">
      <form className="reply-form" onSubmit={(e) => void send(e)}>
        <label className="field-label" htmlFor="reply-text">
          Reply to the customer
        </label>
        <textarea
          id="reply-text"
          className="textarea"
          rows={3}
          value={text}
          onChange={(e) => changeReply(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(e);
          }}
          placeholder="They see it in the chat at once. Ctrl+Enter sends."
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          <Icon name="send" size={14} /> Send
        </button>
      </form>
      <div className="action-row">
        <label className="field-label" htmlFor="resume-node">
          Hand back to the bot at
        </label>
        <select id="resume-node" className="select" value={node} onChange={(e) => setNode(e.target.value)}>
          {detail.resumePoints.map((p) => (
            <option key={p.nodeId} value={p.nodeId}>
              {p.nodeId} ({p.type}) — {p.text}
            </option>
          ))}
        </select>
        <button type="button" className="btn" disabled={busy || !node} onClick={() => void run(() => api.inbox.handBack.mutate({ handoffId, nodeId: node }), 'The bot has the conversation again')}>
          <Icon name="rollback" size={14} /> Hand back
        </button>
        <span className="field-help">The customer is told the bot is back; the bot continues from that node.</span>
      </div>
      <div className="action-row">
        <label className="field-label" htmlFor="resolve-outcome">
          Outcome
        </label>
        <select id="resolve-outcome" className="select" value={outcome} onChange={(e) => setOutcome(e.target.value as 'resolved' | 'abandoned')}>
          <option value="resolved">Resolved</option>
          <option value="abandoned">Abandoned (the customer left)</option>
        </select>
        <button type="button" className="btn btn-success" disabled={busy} onClick={() => void run(() => api.inbox.resolve.mutate({ handoffId, outcome }), 'Conversation resolved')}>
          <Icon name="check" size={14} /> Resolve
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
