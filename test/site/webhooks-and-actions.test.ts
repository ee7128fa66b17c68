// Outbound calls to the site: handoff webhooks are signed (HMAC-SHA256 over timestamp and body),
// retried with backoff on failure up to a bound, and every attempt is recorded; action nodes
// call the site's URL for that action, signed, and take the error port on failure or timeout.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDeliveryView } from '../../shared/api/site-settings.ts';
import { verifySignatureHeader } from '../../server/site-api/webhooks/signature.ts';
import { handoffPackageJsonSchema } from '../../server/site-api/handoff-json-schema.ts';
import { dialects } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { HttpReceiver } from './http-receiver.ts';
import { openApiValidator } from './openapi-validator.ts';
import { openSiteWorld, type SiteWorld } from './site-harness.ts';

describe.each(dialects)('webhooks and actions on $name', (dialect) => {
  let sw: SiteWorld;
  const receivers: HttpReceiver[] = [];
  const receiver = async (respond?: ConstructorParameters<typeof HttpReceiver>[0]) => {
    const r = await new HttpReceiver(respond).start();
    receivers.push(r);
    return r;
  };
  const hooks: string[] = [];

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')], site: { webhooks: { maxAttempts: 3, retryBaseMs: 100, pollMs: 1000 } } });
  });
  afterEach(async () => {
    const admin = await sw.world.as('admin');
    for (const webhookId of hooks.splice(0)) await admin.api.siteSettings.removeWebhook({ webhookId });
  });
  afterAll(async () => {
    for (const r of receivers) await r.stop();
    await sw?.close();
  });

  const deliveries = async () => (await (await sw.world.as('admin')).api.siteSettings.deliveries({ siteId: 'acme' })) as WebhookDeliveryView[];
  const settle = async (predicate: (d: WebhookDeliveryView[]) => boolean) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const d = await deliveries();
      if (predicate(d)) return d;
      if (Date.now() > deadline) throw new Error(`deliveries did not settle: ${JSON.stringify(d)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('signs handoff webhooks and retries them with backoff until they succeed', async () => {
    const site = await receiver((_r, i) => ({ status: i < 2 ? 500 : 200, body: {} }));
    const admin = await sw.world.as('admin');
    const hook = await admin.api.siteSettings.addWebhook({ siteId: 'acme', url: `${site.url}/hooks`, events: ['handoff.created'] });
    hooks.push(hook.id);
    expect(hook.secret).toMatch(/^whsec_/);

    const id = String((await sw.api.start()).body.conversationId);
    await sw.api.message(id, 'someone stole my card');
    const got = await site.waitFor(3);
    for (const r of got) expect(verifySignatureHeader(hook.secret, String(r.headers['switchboard-signature']), r.body, Date.now())).toBe(true);
    expect(verifySignatureHeader('whsec_wrong', String(got[0]!.headers['switchboard-signature']), got[0]!.body, Date.now())).toBe(false);
    expect(verifySignatureHeader(hook.secret, String(got[0]!.headers['switchboard-signature']), got[0]!.body.replace('fraud', 'other'), Date.now())).toBe(false);
    expect(got.map((r) => r.headers['switchboard-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(got.map((r) => r.headers['switchboard-delivery'])).size).toBe(1);
    // Backoff: ~100 ms (±20%) before the second attempt, ~200 ms before the third.
    expect(got[1]!.at - got[0]!.at).toBeGreaterThanOrEqual(75);
    expect(got[2]!.at - got[1]!.at).toBeGreaterThan(got[1]!.at - got[0]!.at);
    const envelope = JSON.parse(got[0]!.body);
    expect(envelope).toMatchObject({ event: 'handoff.created', siteId: 'acme', id: got[0]!.headers['switchboard-delivery'], data: { conversationId: id, package: { queue: 'fraud', priority: 'urgent' } } });
    expect(openApiValidator({}).validateWith(handoffPackageJsonSchema(), envelope.data.package)).toEqual([]);

    const [delivery] = await settle((d) => d[0]?.status === 'delivered');
    expect(delivery!.attempts.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 500, 'HTTP 500'],
      [3, 200, null],
    ]);
    expect(delivery!.nextAttemptAt).toBeNull();
  });

  it('gives up after the last attempt and records why', async () => {
    const down = await receiver(() => ({ status: 503 }));
    const admin = await sw.world.as('admin');
    const hook = await admin.api.siteSettings.addWebhook({ siteId: 'acme', url: `${down.url}/hooks` });
    hooks.push(hook.id);
    const id = String((await sw.api.start()).body.conversationId);
    await sw.api.request('POST', `/conversations/${id}/request-human`, { idempotencyKey: 'h1' });
    const [delivery] = await settle((d) => d[0]?.webhookId === hook.id && d[0].status === 'failed');
    expect(delivery!.attempts.map((a) => a.statusCode)).toEqual([503, 503, 503]);
    await new Promise((r) => setTimeout(r, 300));
    expect(down.received).toHaveLength(3);
  });

  it('reports the end of a conversation to webhooks that ask for it', async () => {
    const site = await receiver();
    const admin = await sw.world.as('admin');
    const hook = await admin.api.siteSettings.addWebhook({ siteId: 'acme', url: site.url, events: ['conversation.ended'] });
    hooks.push(hook.id);
    const id = String((await sw.api.start()).body.conversationId);
    await sw.api.message(id, 'goodbye');
    await sw.api.message(id, '4');
    const [r] = await site.waitFor(1);
    expect(JSON.parse(r!.body)).toMatchObject({ event: 'conversation.ended', data: { conversationId: id, outcome: 'resolved' } });
  });

  it('calls the action URL, signed, and continues with its answer', async () => {
    const shop = await receiver(() => ({ status: 200, body: { status: 'out for delivery' } }));
    const admin = await sw.world.as('admin');
    const action = await admin.api.siteSettings.setAction({ siteId: 'acme', action: 'lookup_order', url: `${shop.url}/orders` });
    const id = String((await sw.api.start()).body.conversationId);
    const turn = await sw.api.message(id, 'where is my order');
    expect(turn.body.messages).toMatchObject([{ text: 'Your order is out for delivery.' }]);
    const [call] = shop.received;
    expect(verifySignatureHeader(action.secret, String(call!.headers['switchboard-signature']), call!.body, Date.now())).toBe(true);
    expect(JSON.parse(call!.body)).toMatchObject({ action: 'lookup_order', input: { ref: 'AB123456' }, conversationId: id, flowId: 'chat', siteId: 'acme' });
    expect(call!.headers['switchboard-request-id']).toBe(JSON.parse(call!.body).requestId);
  });

  it('takes the error port when the action fails or times out', async () => {
    const admin = await sw.world.as('admin');
    const broken = await receiver(() => ({ status: 500, body: { error: 'boom' } }));
    await admin.api.siteSettings.setAction({ siteId: 'acme', action: 'lookup_order', url: broken.url });
    const id = String((await sw.api.start()).body.conversationId);
    expect((await sw.api.message(id, 'where is my order')).body.messages).toMatchObject([{ text: "Sorry, I can't look up orders right now." }]);

    const slow = await receiver(() => ({ status: 200, body: { status: 'late' }, delayMs: 4000 }));
    await admin.api.siteSettings.setAction({ siteId: 'acme', action: 'lookup_order', url: slow.url });
    const t0 = Date.now();
    const late = await sw.api.message(id, 'track my order');
    expect(late.body.messages).toMatchObject([{ text: "Sorry, I can't look up orders right now." }]);
    expect(Date.now() - t0).toBeLessThan(3000);
    const trace = await sw.database.db.selectFrom('turns').select('trace').where('conversation_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(trace.trace).toContain('no answer within 1500 ms');

    await admin.api.siteSettings.removeAction({ siteId: 'acme', action: 'lookup_order' });
    expect((await sw.api.message(id, 'check my order status')).body.messages).toMatchObject([{ text: "Sorry, I can't look up orders right now." }]);
  });
});
