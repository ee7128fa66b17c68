// The agent inbox behind a load balancer: an agent's live queue held by one server process gets a
// handoff committed by the other within a second (PostgreSQL LISTEN/NOTIFY feeds the inbox too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../shared/api/inbox.ts';
import { dialects, type TestDatabase } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { ADMIN_PASSWORD, DEMO_KEY, flowsDir, startServerProcess, type ServerProcess } from './server-process.ts';
import { SiteApi, StudioHttpClient } from './site-harness.ts';
import { Subscription } from './trpc-subscription.ts';

const postgres = dialects.find((d) => d.name === 'postgres');

describe.skipIf(!postgres)('the inbox across two server processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let feed: Subscription<InboxItem[]> | undefined;

  beforeAll(async () => {
    database = await postgres!.open();
    const flows = flowsDir([chatFlow('chat')]);
    a = await startServerProcess({ databaseUrl: database.url, flowsDir: flows });
    b = await startServerProcess({ databaseUrl: database.url, flowsDir: flows });
  }, 60_000);
  afterAll(async () => {
    feed?.close();
    await a?.stop();
    await b?.stop();
    await database?.cleanup();
  });

  it('pushes a handoff committed by process B to a queue held on process A', async () => {
    const admin = await StudioHttpClient.signIn(a.url, 'admin@example.com', ADMIN_PASSWORD);
    feed = new Subscription<InboxItem[]>(a.url, 'inbox.feed', {}, admin.cookieHeader());
    await feed.waitFor(() => true, 5000);
    const viaB = new SiteApi(b.url, DEMO_KEY);
    const id = String((await viaB.start({ flowId: 'chat' })).body.conversationId);
    const sent = Date.now();
    await viaB.message(id, 'I lost my card');
    // Well inside the inbox's 10 s fallback poll: this came through NOTIFY.
    const list = await feed.waitFor((items) => items.some((i) => i.conversationId === id), 1000);
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(list.find((i) => i.conversationId === id)).toMatchObject({ queue: 'fraud', status: 'waiting' });
  });
});
