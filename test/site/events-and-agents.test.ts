// The live side: a widget's event stream gets bot messages, status changes and agent replies as
// they are committed, resumes after Last-Event-ID without gaps or repeats; agents list the
// queue, exactly one of two racing agents claims, its "typing…" and replies reach the stream,
// resolving ends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxDetail, InboxItem } from '../../shared/api/inbox.ts';
import { PASSWORD, dialects } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { EventStreamClient, StudioHttpClient, openSiteWorld, type SiteWorld } from './site-harness.ts';

describe.each(dialects)('events and the agent inbox on $name', (dialect) => {
  let sw: SiteWorld;
  const streams: EventStreamClient[] = [];
  const stream = (id: string, lastEventId?: number) => {
    const s = new EventStreamClient(`${sw.base}/api/v1/conversations/${id}/events`, sw.key, lastEventId);
    streams.push(s);
    return s;
  };

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')] });
    const admin = await sw.world.as('admin');
    await admin.api.users.setRoles({ userId: sw.world.ids.dana, roles: ['designer', 'agent'] });
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await sw?.close();
  });

  it('streams events as they are committed and resumes after Last-Event-ID', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const live = stream(id);
    await live.waitFor((e) => e.length === 1);
    expect(live.status).toBe(200);
    await sw.api.message(id, 'what is my balance');
    await live.waitFor((e) => e.length === 3);
    await sw.api.message(id, 'where is my order');
    await sw.api.message(id, 'show me my balance');
    const all = await live.waitFor((e) => e.length === 7);
    expect(all.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(all.map((e) => (e.type === 'message' ? `${e.message.role}:${e.message.text}` : e.type))).toEqual([
      'bot:Hi there! Ask me about your balance or an order.',
      'user:what is my balance',
      'bot:Your balance is 42.00 EUR.',
      'user:where is my order',
      "bot:Sorry, I can't look up orders right now.",
      'user:show me my balance',
      'bot:Your balance is 42.00 EUR.',
    ]);
    live.close();

    const resumed = stream(id, 5);
    await resumed.waitFor((e) => e.length === 2);
    await sw.api.message(id, 'my card was stolen');
    const after = await resumed.waitFor((e) => e.some((x) => x.type === 'status'));
    expect(after.map((e) => e.id)).toEqual([6, 7, 8, 9, 10]);
    expect(after.at(-1)).toMatchObject({ type: 'status', status: 'escalated', handoff: { queue: 'fraud', state: 'waiting' } });
  });

  it('refuses streams of unknown or foreign conversations', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const foreign = await fetch(`${sw.base}/api/v1/conversations/${id}/events`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${sw.otherKey}` } });
    expect(foreign.status).toBe(404);
    const badHeader = await fetch(`${sw.base}/api/v1/conversations/${id}/events`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${sw.key}`, 'last-event-id': 'abc' } });
    expect([badHeader.status, ((await badHeader.json()) as { error: { path: string } }).error.path]).toEqual([400, 'header.last-event-id']);
    // EventSource cannot send headers: the key may come as ?key= on this endpoint only.
    const viaQuery = await fetch(`${sw.base}/api/v1/conversations/${id}/events?key=${encodeURIComponent(sw.key)}`);
    expect(viaQuery.status).toBe(200);
    expect((await sw.api.with(null).request('GET', `/conversations/${id}?key=${encodeURIComponent(sw.key)}`)).status).toBe(401);
  });

  it('lets exactly one of two agents claim, and carries replies and the end to the customer', async () => {
    const id = String((await sw.api.start({ flowId: 'chat', customer: { firstName: 'Ada' } })).body.conversationId);
    await sw.api.message(id, 'I lost my card');
    const live = stream(id);
    await live.waitFor((e) => e.some((x) => x.type === 'status'));

    const alex = await StudioHttpClient.signIn(sw.base, 'alex@example.com', PASSWORD);
    const dana = await StudioHttpClient.signIn(sw.base, 'dana@example.com', PASSWORD);
    const queue = await alex.query<InboxItem[]>('inbox.list', { queues: ['fraud'] });
    const item = queue.data.find((i) => i.conversationId === id)!;
    expect(item).toMatchObject({ queue: 'fraud', priority: 'urgent', status: 'waiting', reasons: ['Lost or stolen card'] });
    expect(item.summary).toMatch(/^Ada wrote via web about "card lost"/);

    // "Typing…" is for the agent holding the conversation: not before anyone claimed it.
    const early = await alex.mutate('inbox.typing', { handoffId: item.handoffId });
    expect([early.status, early.error?.message]).toEqual([412, 'Claim this conversation before replying or resolving it.']);

    const race = await Promise.all([alex.mutate('inbox.claim', { handoffId: item.handoffId }), dana.mutate('inbox.claim', { handoffId: item.handoffId })]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const [winner, loser] = race[0]!.status === 200 ? [alex, dana] : [dana, alex];
    const winnerName = winner === alex ? 'Alex' : 'Dana';
    expect(race.find((r) => r.status === 409)!.error!.message).toContain(`${winnerName} already took this conversation`);
    const joined = await live.waitFor((e) => e.some((x) => x.type === 'status' && x.handoff?.state === 'assigned'));
    expect(joined.at(-1)).toMatchObject({ type: 'status', status: 'escalated', handoff: { state: 'assigned', agent: { name: winnerName } } });

    expect((await loser.mutate('inbox.reply', { handoffId: item.handoffId, text: 'me too' })).status).toBe(409);
    expect((await loser.mutate('inbox.typing', { handoffId: item.handoffId })).status).toBe(409);
    expect((await winner.mutate('inbox.typing', { handoffId: item.handoffId })).status).toBe(200);
    expect(await live.waitForSignal((s) => s.length > 0)).toEqual([{ type: 'typing', role: 'agent', author: winnerName }]);
    // Not stored: a signal changes neither the stored events nor what a resumed stream replays.
    expect((await sw.api.events(id, 0)).body.events.map((e) => e.type)).not.toContain('typing');
    const sent = await winner.mutate('inbox.reply', { handoffId: item.handoffId, text: 'Hi Ada, I have blocked your card.' });
    expect(sent.status).toBe(200);
    const replied = await live.waitFor((e) => e.some((x) => x.type === 'message' && x.message.role === 'agent'), 2000);
    expect(replied.at(-1)).toMatchObject({ type: 'message', message: { role: 'agent', author: winnerName, text: 'Hi Ada, I have blocked your card.' } });

    await sw.api.message(id, 'thank you!');
    const detail = await winner.query<InboxDetail>('inbox.get', { handoffId: item.handoffId });
    expect(detail.data.messages.map((m) => m.role)).toEqual(['bot', 'user', 'bot', 'agent', 'user']);
    expect(detail.data.package).toMatchObject({ queue: 'fraud', conversationId: id });

    expect((await winner.mutate('inbox.resolve', { handoffId: item.handoffId })).status).toBe(200);
    const ended = await live.waitFor((e) => e.some((x) => x.type === 'status' && x.status === 'ended'));
    expect(ended.at(-1)).toMatchObject({ type: 'status', status: 'ended', outcome: 'resolved', handoff: { state: 'resolved' } });
    expect((await sw.api.get(id)).body).toMatchObject({ status: 'ended', handoff: { state: 'resolved', agent: { name: winnerName } } });
    expect((await winner.mutate('inbox.resolve', { handoffId: item.handoffId })).status).toBe(409);
    const open = await alex.query<InboxItem[]>('inbox.list', {});
    expect(open.data.map((i) => i.handoffId)).not.toContain(item.handoffId);
  });

  it('orders the queue by priority, then age', async () => {
    const alex = await StudioHttpClient.signIn(sw.base, 'alex@example.com', PASSWORD);
    const general = String((await sw.api.start()).body.conversationId);
    await sw.api.request('POST', `/conversations/${general}/request-human`, { idempotencyKey: 'h' });
    const fraud = String((await sw.api.start()).body.conversationId);
    await sw.api.message(fraud, 'someone stole my card');
    const list = (await alex.query<InboxItem[]>('inbox.list', { status: 'waiting' })).data;
    const order = list.map((i) => i.conversationId).filter((c) => c === general || c === fraud);
    expect(order).toEqual([fraud, general]);
  });
});

describe.each(dialects)('event streams of a revoked key on $name', (dialect) => {
  let sw: SiteWorld;

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')], site: { ssePollMs: 100 } });
  });
  afterAll(async () => sw?.close());

  it('end within a poll of the revocation, while streams of other keys go on', async () => {
    const admin = await sw.world.as('admin');
    const temp = await admin.api.sites.createKey({ siteId: 'acme', environment: 'production', label: 'temp' });
    const id = String((await sw.api.start()).body.conversationId);
    const revoked = new EventStreamClient(`${sw.base}/api/v1/conversations/${id}/events`, temp.secret);
    const kept = new EventStreamClient(`${sw.base}/api/v1/conversations/${id}/events`, sw.key);
    try {
      await revoked.waitFor((e) => e.length === 1);
      await kept.waitFor((e) => e.length === 1);
      await admin.api.sites.revokeKey({ keyId: temp.key.id });
      await revoked.waitForEnd(2000);
      await sw.api.message(id, 'what is my balance');
      await kept.waitFor((e) => e.length === 3);
      expect([revoked.events.length, kept.ended]).toEqual([1, false]);
    } finally {
      revoked.close();
      kept.close();
    }
  });
});
