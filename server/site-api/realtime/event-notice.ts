// What server processes on one PostgreSQL tell each other: "these conversations have new events".
// A notice is the sending process's tag and one or more conversation ids, separated by spaces
// (conversation ids never hold one). The tag lets a process skip its own notices: it poked its own
// bus when it committed, and hearing the echo made each of its streams read the database again.
import { randomBytes } from 'node:crypto';
import { siteSignal, type SiteSignal } from '../../../shared/api/site.ts';

/** The NOTIFY channel (pg-notifier.ts sends, pg-listener.ts listens). */
export const EVENTS_CHANNEL = 'switchboard_conversation_events';
/** The NOTIFY channel of signals (an agent typing): the tag, the conversation id and the signal's JSON. */
export const SIGNALS_CHANNEL = 'switchboard_conversation_signals';

/** This server process, in its notices. */
const THIS_PROCESS = randomBytes(6).toString('hex');

/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; ids are ASCII, so characters are bytes. */
const MAX_PAYLOAD = 7_900;

/** The payloads that name `conversationIds`, as few as fit under PostgreSQL's payload limit. */
export function eventNotices(conversationIds: Iterable<string>): string[] {
  const notices: string[] = [];
  let notice = THIS_PROCESS;
  for (const id of conversationIds) {
    if (notice.length + 1 + id.length > MAX_PAYLOAD && notice !== THIS_PROCESS) {
      notices.push(notice);
      notice = THIS_PROCESS;
    }
    notice += ` ${id}`;
  }
  if (notice !== THIS_PROCESS) notices.push(notice);
  return notices;
}

/**
 * The conversations a notice names; none when this process sent it. A payload without a space is
 * a bare id, as processes before the tag sent them (a rolling deploy keeps working).
 */
export function noticedConversations(payload: string): string[] {
  const parts = payload.split(' ').filter((part) => part !== '');
  if (parts.length === 1) return parts;
  return parts[0] === THIS_PROCESS ? [] : parts.slice(1);
}

/** The payload that carries `signal` to the other processes' streams of `conversationId`. */
export function signalNotice(conversationId: string, signal: SiteSignal): string {
  return `${THIS_PROCESS} ${conversationId} ${JSON.stringify(signal)}`;
}

/** The conversation and signal a notice carries; null when this process sent it or it does not parse. */
export function noticedSignal(payload: string): { conversationId: string; signal: SiteSignal } | null {
  const [tag, conversationId] = payload.split(' ', 2);
  if (tag === THIS_PROCESS || !conversationId) return null;
  try {
    const parsed = siteSignal.safeParse(JSON.parse(payload.slice(tag!.length + conversationId.length + 2)));
    return parsed.success ? { conversationId, signal: parsed.data } : null;
  } catch {
    return null;
  }
}
