// Cross-process pokes on PostgreSQL: a process tells the others which conversations have new
// events (server/site-api/realtime/pg-notifier.ts) and hears theirs (pg-listener.ts), not its own
// (it poked its bus at commit already; hearing the echo made each of its event streams read the
// database a second time per turn).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationBus } from '../../server/site-api/realtime/conversation-bus.ts';
import { EVENTS_CHANNEL, eventNotices } from '../../server/site-api/realtime/event-notice.ts';
import { listenForEvents, type PgListener } from '../../server/site-api/realtime/pg-listener.ts';
import { PgEventNotifier } from '../../server/site-api/realtime/pg-notifier.ts';
import { dialects, type TestDatabase } from '../server/harness.ts';

const postgres = dialects.find((d) => d.name === 'postgres');

/** Waits until `done()` holds, for up to 5 s. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

describe.skipIf(!postgres)('cross-process event notices on PostgreSQL', () => {
  let database: TestDatabase;
  let listener: PgListener;
  let sender: pg.Client;
  let spy: pg.Client;
  const heard: string[] = [];
  const payloads: string[] = [];

  beforeAll(async () => {
    database = await postgres!.open();
    const bus = new ConversationBus();
    bus.subscribeAll((id) => heard.push(id));
    listener = listenForEvents(database.url, bus, () => {});
    await listener.ready;
    sender = new pg.Client({ connectionString: database.url });
    await sender.connect();
    // Another process's view: every payload on the channel.
    spy = new pg.Client({ connectionString: database.url });
    await spy.connect();
    spy.on('notification', (n) => payloads.push(n.payload ?? ''));
    await spy.query(`listen ${EVENTS_CHANNEL}`);
  });
  afterAll(async () => {
    await sender?.end();
    await spy?.end();
    await listener?.close();
    await database?.cleanup();
  });

  it('pokes the bus for other processes’ notices and older bare ids, not for its own', async () => {
    const c = `conv_${process.pid}_hear_`;
    const [mine] = eventNotices([c + 'mine']);
    for (const payload of [mine!, `0123456789ab ${c}theirs ${c}also_theirs`, `${c}bare`]) await sender.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, payload]);
    await until(() => heard.includes(c + 'bare'));
    // Notices arrive in the order sent, so the last one heard means the first was passed over.
    // (Other test files' servers notify on the same channel meanwhile.)
    expect(heard.filter((id) => id.startsWith(c))).toEqual([c + 'theirs', c + 'also_theirs', c + 'bare']);
  });

  /**
   * The ids in the notices the spy heard that name this test's conversations: other test files'
   * servers notify on the same channel of the same database meanwhile.
   */
  const heardOf = (prefix: string) => payloads.map((p) => p.split(' ').slice(1)).filter((ids) => ids.some((id) => id.startsWith(prefix)));

  it('sends the conversations committed in one turn of the event loop as one notice, after them', async () => {
    const c = `conv_${process.pid}_turn_`;
    const notifier = new PgEventNotifier(database.url, () => {});
    try {
      for (const id of ['a', 'b', 'a', 'c']) notifier.notify(c + id);
      await until(() => heardOf(c).length > 0);
      await new Promise((r) => setTimeout(r, 100));
      expect(heardOf(c)).toEqual([[c + 'a', c + 'b', c + 'c']]);
      notifier.notify(c + 'd');
      await until(() => heardOf(c).length > 1);
      expect(heardOf(c)).toEqual([[c + 'a', c + 'b', c + 'c'], [c + 'd']]);
    } finally {
      await notifier.close();
    }
  });

  it('sends what is pending when it closes', async () => {
    const c = `conv_${process.pid}_close_`;
    const notifier = new PgEventNotifier(database.url, () => {});
    notifier.notify(c + 'last');
    await notifier.close();
    await until(() => heardOf(c).length > 0);
    expect(heardOf(c)).toEqual([[c + 'last']]);
  });
});
