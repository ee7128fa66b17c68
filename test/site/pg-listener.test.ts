// Cross-process pokes on PostgreSQL (server/site-api/realtime/pg-listener.ts): a process's bus
// hears other processes' NOTIFYs, and not its own (it poked its bus at commit already; hearing
// the echo made each of its event streams read the database a second time per turn).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationBus } from '../../server/site-api/realtime/conversation-bus.ts';
import { EVENTS_CHANNEL, eventNotice, listenForEvents, type PgListener } from '../../server/site-api/realtime/pg-listener.ts';
import { dialects, type TestDatabase } from '../server/harness.ts';

const postgres = dialects.find((d) => d.name === 'postgres');

describe.skipIf(!postgres)('the PostgreSQL event listener', () => {
  let database: TestDatabase;
  let listener: PgListener;
  let sender: pg.Client;
  const heard: string[] = [];

  beforeAll(async () => {
    database = await postgres!.open();
    const bus = new ConversationBus();
    bus.subscribeAll((id) => heard.push(id));
    listener = listenForEvents(database.url, bus, () => {});
    await listener.ready;
    sender = new pg.Client({ connectionString: database.url });
    await sender.connect();
  });
  afterAll(async () => {
    await sender?.end();
    await listener?.close();
    await database?.cleanup();
  });

  it('pokes the bus for other processes’ notices and older bare ids, not for its own', async () => {
    heard.length = 0;
    for (const payload of [eventNotice('conv_mine'), '0123456789ab conv_theirs', 'conv_bare']) await sender.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, payload]);
    const deadline = Date.now() + 5000;
    while (!heard.includes('conv_bare') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // Notices arrive in the order sent, so the last one heard means the first was passed over.
    expect(heard.filter((id) => id !== '')).toEqual(['conv_theirs', 'conv_bare']);
  });
});
