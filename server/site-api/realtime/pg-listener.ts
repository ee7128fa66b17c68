// Cross-process events on PostgreSQL: each process tells the others which conversations have new
// events (pg-notifier.ts, after its commits) and passes on signals (an agent typing); each LISTENs
// on one dedicated connection and pokes (or signals) its local bus. LISTEN needs a long-lived
// driver connection, so this talks to pg directly rather than through Kysely. It reconnects with
// backoff and then pokes every stream, because notifications sent while it was disconnected are
// lost (streams re-read the database). A process's own notices are skipped (event-notice.ts).
import pg from 'pg';
import type { ConversationBus } from './conversation-bus.ts';
import { EVENTS_CHANNEL, SIGNALS_CHANNEL, noticedConversations, noticedSignal } from './event-notice.ts';

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
      if (!n.payload) return;
      if (n.channel === EVENTS_CHANNEL) {
        for (const conversationId of noticedConversations(n.payload)) bus.publish(conversationId);
      } else if (n.channel === SIGNALS_CHANNEL) {
        const noticed = noticedSignal(n.payload);
        if (noticed) bus.signal(noticed.conversationId, noticed.signal);
      }
    });
    c.on('error', fail);
    c.on('end', () => fail());
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}; LISTEN ${SIGNALS_CHANNEL}`);
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
