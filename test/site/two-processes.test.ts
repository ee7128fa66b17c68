// Several server processes behind a load balancer share one PostgreSQL: events committed by one
// reach event streams held by another (LISTEN/NOTIFY), and messages to one conversation sent
// through both at once are still taken one at a time (revision check and retry). A process plans
// a turn from the conversation as it last committed it without reading; when the other process
// has moved the conversation on since, the plan is made again before it calls any action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../shared/api/inbox.ts';
import type { SiteMessage } from '../../shared/api/site.ts';
import { dialects, type TestDatabase } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { HttpReceiver } from './http-receiver.ts';
import { ADMIN_PASSWORD, DEMO_KEY, flowsDir, startServerProcess, type ServerProcess } from './server-process.ts';
import { EventStreamClient, SiteApi, StudioHttpClient } from './site-harness.ts';

const postgres = dialects.find((d) => d.name === 'postgres');

describe.skipIf(!postgres)('two server processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    database = await postgres!.open();
    const flows = flowsDir([chatFlow('chat')]);
    // Streams never poll here: whatever reaches them came through LISTEN/NOTIFY.
    const env = { SITE_SSE_POLL_MS: '600000' };
    a = await startServerProcess({ databaseUrl: database.url, flowsDir: flows, env });
    b = await startServerProcess({ databaseUrl: database.url, flowsDir: flows, env });
  }, 60_000); // two server starts; slow when the machine is busy
  afterAll(async () => {
    for (const s of streams) s.close();
    await a?.stop();
    await b?.stop();
    await database?.cleanup();
  });

  it('delivers events committed by one process to streams on the other', async () => {
    const viaA = new SiteApi(a.url, DEMO_KEY);
    const viaB = new SiteApi(b.url, DEMO_KEY);
    const id = String((await viaA.start({ flowId: 'chat' })).body.conversationId);
    const onB = new EventStreamClient(`${b.url}/api/v1/conversations/${id}/events`, DEMO_KEY);
    const onA = new EventStreamClient(`${a.url}/api/v1/conversations/${id}/events`, DEMO_KEY);
    streams.push(onA, onB);
    await onB.waitFor((e) => e.length === 1);
    await onA.waitFor((e) => e.length === 1);

    await viaA.message(id, 'what is my balance');
    await onB.waitFor((e) => e.length === 3);
    await viaB.message(id, 'I lost my card');
    await onA.waitFor((e) => e.some((x) => x.type === 'status'));

    const admin = await StudioHttpClient.signIn(a.url, 'admin@example.com', ADMIN_PASSWORD);
    const item = (await admin.query<InboxItem[]>('inbox.list', { queues: ['fraud'] })).data.find((i) => i.conversationId === id)!;
    expect((await admin.mutate('inbox.claim', { handoffId: item.handoffId })).status).toBe(200);
    // "Typing…" is not stored: it crosses to the other process's streams by NOTIFY alone.
    expect((await admin.mutate('inbox.typing', { handoffId: item.handoffId })).status).toBe(200);
    expect(await onB.waitForSignal((s) => s.length > 0)).toEqual([{ type: 'typing', role: 'agent', author: 'Administrator' }]);
    expect(await onA.waitForSignal((s) => s.length > 0)).toEqual([{ type: 'typing', role: 'agent', author: 'Administrator' }]);
    expect((await admin.mutate('inbox.reply', { handoffId: item.handoffId, text: 'An agent here, via process A.' })).status).toBe(200);
    const got = await onB.waitFor((e) => e.some((x) => x.type === 'message' && x.message.role === 'agent'));
    expect(got.map((e) => e.id)).toEqual(got.map((_, i) => i + 1));
    await onA.waitFor((e) => e.length === got.length);
    expect(onA.events).toEqual(onB.events);
  });

  it('serialises one conversation’s messages arriving through both processes', async () => {
    const apis = [new SiteApi(a.url, DEMO_KEY), new SiteApi(b.url, DEMO_KEY)];
    const id = String((await apis[0]!.start({ flowId: 'chat' })).body.conversationId);
    const texts = Array.from({ length: 30 }, (_, i) => `what is my balance [${i}]`);
    const replies = await Promise.all(texts.map((t, i) => apis[i % 2]!.message(id, t)));
    expect(replies.map((r) => r.status)).toEqual(texts.map(() => 200));
    const messages = (await apis[1]!.get(id)).body.messages as SiteMessage[];
    expect(messages.map((m) => m.id)).toEqual(messages.map((_, i) => i + 1));
    expect(messages.filter((m) => m.role === 'user').map((m) => m.text).sort()).toEqual([...texts].sort());
    for (let i = 1; i < messages.length; i += 2) expect([messages[i]!.role, messages[i + 1]!.role]).toEqual(['user', 'bot']);
    const row = await database.db.selectFrom('conversations').select(['revision', 'state']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(Number(row.revision)).toBe(31);
    expect(JSON.parse(row.state).conversation.turns).toBe(30);
  });

  it('calls an action once when the other process moved the conversation on since this one cached it', async () => {
    const shop = await new HttpReceiver(() => ({ status: 200, body: { status: 'out for delivery' } })).start();
    try {
      const admin = await StudioHttpClient.signIn(a.url, 'admin@example.com', ADMIN_PASSWORD);
      expect((await admin.mutate('siteSettings.setAction', { siteId: 'demo', action: 'lookup_order', url: `${shop.url}/orders` })).status).toBe(200);
      const viaA = new SiteApi(a.url, DEMO_KEY);
      const viaB = new SiteApi(b.url, DEMO_KEY);
      // A started the conversation, so A holds it as committed; B then takes a turn A never sees.
      const id = String((await viaA.start({ flowId: 'chat' })).body.conversationId);
      expect((await viaB.message(id, 'what is my balance')).status).toBe(200);

      const turn = await viaA.message(id, 'where is my order');
      expect(turn.status).toBe(200);
      expect(turn.body.messages).toMatchObject([{ text: 'Your order is out for delivery.' }]);
      expect(shop.received).toHaveLength(1);
      const messages = (await viaB.get(id)).body.messages as SiteMessage[];
      expect(messages.map((m) => [m.id, m.role])).toEqual([
        [1, 'bot'],
        [2, 'user'],
        [3, 'bot'],
        [4, 'user'],
        [5, 'bot'],
      ]);
    } finally {
      await shop.stop();
    }
  });
});
