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
    heard.length = 0;
    const [mine] = eventNotices(['conv_mine']);
    for (const payload of [mine!, '0123456789ab conv_theirs conv_also_theirs', 'conv_bare']) await sender.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, payload]);
    await until(() => heard.includes('conv_bare'));
    // Notices arrive in the order sent, so the last one heard means the first was passed over.
    expect(heard.filter((id) => id !== '')).toEqual(['conv_theirs', 'conv_also_theirs', 'conv_bare']);
  });

  it('sends the conversations committed in one turn of the event loop as one notice, after them', async () => {
    payloads.length = 0;
    const notifier = new PgEventNotifier(database.url, () => {});
    try {
      for (const id of ['conv_a', 'conv_b', 'conv_a', 'conv_c']) notifier.notify(id);
      await until(() => payloads.length > 0);
      await new Promise((r) => setTimeout(r, 100));
      expect(payloads).toHaveLength(1);
      expect(payloads[0]!.split(' ').slice(1)).toEqual(['conv_a', 'conv_b', 'conv_c']);
      notifier.notify('conv_d');
      await until(() => payloads.length > 1);
      expect(payloads[1]!.split(' ').slice(1)).toEqual(['conv_d']);
    } finally {
      await notifier.close();
    }
  });

  it('sends what is pending when it closes', async () => {
    payloads.length = 0;
    const notifier = new PgEventNotifier(database.url, () => {});
    notifier.notify('conv_last');
    await notifier.close();
    await until(() => payloads.length > 0);
    expect(payloads.map((p) => p.split(' ').slice(1))).toEqual([['conv_last']]);
  });
});
