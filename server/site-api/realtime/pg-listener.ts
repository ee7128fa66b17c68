// Cross-process events on PostgreSQL: committers `pg_notify` inside their transaction (delivered
// only if it commits) and every server process LISTENs on one dedicated connection, poking its
// local bus. LISTEN needs a long-lived driver connection, so this talks to pg directly rather than
// through Kysely. It reconnects with backoff and then pokes every stream,
// because notifications sent while it was disconnected are lost (streams re-read the database).
// A payload names the process that sent it: that process poked its own bus at commit already,
// and hearing its own NOTIFY again would make each of its streams read the database once more.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ConversationBus } from './conversation-bus.ts';

/** The NOTIFY channel; the payload is `eventNotice(conversationId)`. */
export const EVENTS_CHANNEL = 'switchboard_conversation_events';

/** This server process, in its notices. */
const THIS_PROCESS = randomBytes(6).toString('hex');

/** A NOTIFY payload: the sending process, a space, the conversation id. */
export const eventNotice = (conversationId: string): string => `${THIS_PROCESS} ${conversationId}`;

/** The conversation a notice is about, or null when this process sent it. A bare id (an older sender) counts as another process's. */
export function noticedConversation(payload: string): string | null {
  const space = payload.indexOf(' ');
  if (space < 0) return payload;
  return payload.slice(0, space) === THIS_PROCESS ? null : payload.slice(space + 1);
}

export interface PgListener {
  /** Resolves once the first LISTEN is active. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function listenForEvents(url: string, bus: ConversationBus, log: (message: string, error?: unknown) => void): PgListener {
  let current: pg.Client | null = null;
  let closed = false;
  let delay = 100;
  let timer: NodeJS.Timeout | undefined;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const schedule = () => {
    if (closed || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, 5000);
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    let down = false;
    const fail = (error?: unknown) => {
      if (down) return;
      down = true;
      if (error !== undefined && !closed) log('the event listener lost its connection; reconnecting', error);
      if (current === c) current = null;
      c.end().catch(() => {});
      schedule();
    };
    c.on('notification', (n) => {
      const conversationId = n.channel === EVENTS_CHANNEL && n.payload ? noticedConversation(n.payload) : null;
      if (conversationId) bus.publish(conversationId);
    });
    c.on('error', fail);
    c.on('end', () => fail());
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      fail(error);
      return;
    }
    if (closed) {
      down = true;
      await c.end().catch(() => {});
      return;
    }
    current = c;
    delay = 100;
    markReady();
    bus.publishAll();
  };

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = current;
      current = null;
      if (c) await c.end().catch(() => {});
    },
  };
}
