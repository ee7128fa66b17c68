// Operations telemetry: `/metrics` (Prometheus text) moves with real turns, handoffs, webhook
// failures and event streams, keeps its labels bounded and parses; access is loopback-only or a
// bearer token; logs are JSON lines with request ids and turn outcomes, and never carry what the
// customer wrote (a card number, an e-mail address) or a whole conversation id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDeliveryView } from '../../shared/api/site-settings.ts';
import { createApp } from '../../server/app.ts';
import { dialects, listenOnLoopback } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { HttpReceiver } from './http-receiver.ts';
import { EventStreamClient, openSiteWorld, testSiteOptions, type SiteWorld } from './site-harness.ts';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the text exposition format strictly enough to catch a malformed line. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      if (meta[1] === 'TYPE') {
        expect(['counter', 'gauge', 'histogram', 'summary', 'untyped']).toContain(meta[3]);
        types.set(meta[2]!, meta[3]!);
      }
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/.exec(line);
    if (!m) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    if (m[2]) {
      const pairs = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/g;
      let consumed = 0;
      for (const p of m[2].matchAll(pairs)) {
        labels[p[1]!] = p[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
        consumed += p[0].length;
      }
      if (consumed !== m[2].length) throw new Error(`bad labels: ${line}`);
    }
    const value = m[3] === '+Inf' ? Infinity : m[3] === '-Inf' ? -Infinity : Number(m[3]);
    // The format's floats are Go's: NaN in any case (prom-client writes `Nan` for an empty summary).
    if (Number.isNaN(value) && m[3]!.toLowerCase() !== 'nan') throw new Error(`bad value: ${line}`);
    const family = m[1]!.replace(/_(bucket|sum|count)$/, '');
    if (!types.has(m[1]!) && !types.has(family)) throw new Error(`sample without # TYPE: ${line}`);
    samples.push({ name: m[1]!, labels, value });
  }
  return { samples, types };
}

/** Sum of the samples of `name` whose labels include `labels`. */
function total(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);
}

describe.each(dialects)('metrics and logs on $name', (dialect) => {
  let sw: SiteWorld;
  let webhookReceiver: HttpReceiver;

  const scrape = async (base = sw.base, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/metrics`, { headers });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  };

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')], site: { webhooks: { maxAttempts: 2, retryBaseMs: 50, pollMs: 100 } } });
    webhookReceiver = await new HttpReceiver(() => ({ status: 500, body: { error: 'down' } })).start();
  });
  afterAll(async () => {
    await webhookReceiver?.stop();
    await sw?.close();
  });

  it('counts turns, handoffs, webhook failures, streams and latencies, with bounded labels', async () => {
    const admin = await sw.world.as('admin');
    const hook = await admin.api.siteSettings.addWebhook({ siteId: 'acme', url: `${webhookReceiver.url}/hooks`, events: ['handoff.created'] });
    const before = parseExposition((await scrape()).text).samples;

    const id = String((await sw.api.start()).body.conversationId);
    const stream = new EventStreamClient(`${sw.base}/api/v1/conversations/${id}/events`, sw.key);
    await stream.waitFor((e) => e.length >= 1);
    expect((await sw.api.message(id, 'what is my balance', 'k-1')).status).toBe(200);
    expect((await sw.api.message(id, 'what is my balance', 'k-1')).headers.get('idempotent-replayed')).toBe('true');
    const escalated = await sw.api.message(id, 'someone stole my card', 'k-2');
    expect(escalated.body.status).toBe('escalated');
    const deadline = Date.now() + 10_000;
    for (;;) {
      const d = (await admin.api.siteSettings.deliveries({ siteId: 'acme' })) as WebhookDeliveryView[];
      if (d.some((x) => x.webhookId === hook.id && x.status === 'failed')) break;
      if (Date.now() > deadline) throw new Error(`the delivery did not fail: ${JSON.stringify(d)}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    const scraped = await scrape();
    expect(scraped.status).toBe(200);
    expect(scraped.contentType).toContain('text/plain');
    const { samples: after, types } = parseExposition(scraped.text);
    const delta = (name: string, labels: Record<string, string> = {}) => total(after, name, labels) - total(before, name, labels);

    expect(types.get('switchboard_turns_total')).toBe('counter');
    expect(types.get('switchboard_turn_duration_seconds')).toBe('histogram');
    expect(delta('switchboard_conversations_started_total', { site: 'acme', flow: 'chat' })).toBe(1);
    expect(delta('switchboard_turns_total', { site: 'acme', flow: 'chat', outcome: 'answered' })).toBe(1);
    expect(delta('switchboard_turns_total', { site: 'acme', flow: 'chat', outcome: 'replayed' })).toBe(1);
    expect(delta('switchboard_turns_total', { site: 'acme', flow: 'chat', outcome: 'escalated' })).toBe(1);
    expect(delta('switchboard_turn_duration_seconds_count', { flow: 'chat' })).toBe(2);
    expect(delta('switchboard_handoffs_created_total', { queue: 'fraud', priority: 'urgent' })).toBe(1);
    expect(delta('switchboard_webhook_attempts_total', { event: 'handoff.created', result: 'error' })).toBe(2);
    expect(delta('switchboard_webhook_deliveries_failed_total', { event: 'handoff.created' })).toBe(1);
    expect(delta('switchboard_nlu_classify_duration_seconds_count', { locale: 'en' })).toBeGreaterThanOrEqual(2);
    expect(total(after, 'switchboard_sse_connections')).toBeGreaterThanOrEqual(1);
    expect(delta('switchboard_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/conversations/:id/messages', status: '200' })).toBe(3);
    // Bounded labels: no conversation ids, keys or texts anywhere in the exposition.
    expect(scraped.text).not.toContain('conv_');
    expect(scraped.text).not.toContain(sw.key);
    expect(scraped.text).not.toContain('stole');

    stream.close();
    await admin.api.siteSettings.removeWebhook({ webhookId: hook.id });
  });

  it('serves /metrics to loopback callers, or to anyone with METRICS_TOKEN', async () => {
    expect((await scrape(sw.base, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403);

    const token = 'metrics-token-0123456789';
    const app = await createApp({
      db: sw.database.db,
      dialect: sw.database.dialect,
      config: sw.world.deps.config,
      site: testSiteOptions(),
      metrics: { enabled: true, token },
    });
    try {
      const base = await listenOnLoopback(app);
      expect((await scrape(base)).status).toBe(401);
      expect((await scrape(base, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
      const ok = await scrape(base, { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.7' });
      expect(ok.status).toBe(200);
      expect(parseExposition(ok.text).types.get('switchboard_turns_total')).toBe('counter');
    } finally {
      await app.close();
    }
  });

  it('logs JSON lines with request ids and turn outcomes, without message texts or card numbers', async () => {
    const from = sw.rawLogs.length;
    const id = String((await sw.api.start()).body.conversationId);
    const card = '4111 1111 1111 1111';
    const sent = await sw.api.request('POST', `/conversations/${id}/messages`, { text: `my card ${card} was stolen, mail ada@example.com`, idempotencyKey: 'card-1' }, { 'x-request-id': 'trace-abc-123' });
    expect(sent.status).toBe(200);
    expect(sent.headers.get('x-request-id')).toBe('trace-abc-123');
    const refused = await sw.api.request('POST', `/conversations/${id}/messages`, { text: 'different text, same key', idempotencyKey: 'card-1' });
    expect(refused.status).toBe(409);

    const lines = sw.rawLogs.slice(from);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    // Every line of a request carries its id; the turn line says what happened.
    const turn = parsed.find((l) => l.msg === 'turn' && l.reqId === 'trace-abc-123');
    expect(turn).toMatchObject({ site: 'acme', flow: 'chat', kind: 'message', outcome: 'escalated', status: 'escalated', handoffQueue: 'fraud' });
    expect(parsed.find((l) => l.msg === 'turn refused')).toMatchObject({ refused: 'idempotency_key_reused' });
    for (const l of parsed.filter((x) => x.req !== undefined || x.res !== undefined)) expect(typeof l.reqId).toBe('string');
    const all = lines.join('\n');
    for (const secret of [card, card.replace(/ /g, ''), 'ada@example.com', 'stolen', 'different text', id, sw.key]) expect(all).not.toContain(secret);
    // A shortened reference to correlate lines: 8 characters of the random part, not the creation time that starts the id.
    expect(all).toContain(`conv_${id.slice(-24, -16)}…`);
  });
});
