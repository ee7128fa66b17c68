// What a turn adds to a conversation's event log, derived from the engine's results: each new
// transcript entry becomes a message event (so the log and the state's transcript agree), a
// CSAT node's score a csat event, a handoff a status event, the end a status event.
import type { ConversationState, HandoffPackage } from '../../../shared/index.ts';
import type { SiteHandoff, SiteMessage } from '../../../shared/api/site.ts';
import type { EventPayload } from './conversation-event.ts';
import type { EngineRun } from './run-engine.ts';

export interface TurnEvents {
  events: EventPayload[];
  handoff: HandoffPackage | null;
  ended: boolean;
  /** The score a CSAT node recorded this turn, else null. */
  csat: number | null;
}

export function turnEvents(before: ConversationState | null, run: EngineRun): TurnEvents {
  const added = run.state.transcript.slice(before ? before.transcript.length : 0);
  const events: EventPayload[] = added.map((t) => ({ type: 'message', role: t.role, text: t.text, author: null, at: new Date(t.at).toISOString() }));
  let handoff: HandoffPackage | null = null;
  let ended = false;
  const score = run.state.conversation.csat;
  const csat = score !== null && score !== (before?.conversation.csat ?? null) ? score : null;
  if (csat !== null) events.push({ type: 'csat', score: csat, comment: null });
  for (const out of run.outputs) {
    if (out.type === 'handoff') {
      handoff = out.handoff;
      events.push({ type: 'status', status: 'escalated', outcome: null, handoff: handoffView(out.handoff, 'waiting', null) });
    } else if (out.type === 'end') {
      ended = true;
      events.push({ type: 'status', status: 'ended', outcome: out.outcome, handoff: null });
    }
  }
  return { events, handoff, ended, csat };
}

/** The customer-facing summary of a handoff package. */
export function handoffView(pkg: HandoffPackage, state: SiteHandoff['state'], agent: string | null): SiteHandoff {
  return {
    queue: pkg.queue,
    priority: pkg.priority,
    reasons: pkg.reasons.map((r) => ({ source: r.source, id: r.id ?? null, name: r.name, reason: r.reason })),
    state,
    agent: agent === null ? null : { name: agent },
  };
}

/** The bot messages among events numbered from `firstSeq`, as the API returns them. */
export function botMessages(events: EventPayload[], firstSeq: number): SiteMessage[] {
  const out: SiteMessage[] = [];
  events.forEach((e, i) => {
    if (e.type === 'message' && e.role === 'bot') out.push({ id: firstSeq + i, role: e.role, text: e.text, at: e.at, author: e.author });
  });
  return out;
}
