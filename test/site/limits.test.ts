// Floods get 429 with Retry-After — per conversation and per site key — and a refused turn
// stores nothing; the limits are settings, with defaults far above a real site's traffic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSiteApiOptions } from '../../server/site-api/site-api-options.ts';
import { dialects } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { openSiteWorld, type SiteWorld } from './site-harness.ts';

describe.each(dialects.slice(0, 1))('rate limits on $name', (dialect) => {
  let sw: SiteWorld;

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')], site: { conversationTurnsPerMinute: 3, keyRequestsPerMinute: 12 } });
  });
  afterAll(async () => sw?.close());

  it('limits turns per conversation, without storing the refused one', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    for (let i = 0; i < 3; i++) expect((await sw.api.message(id, `what is my balance ${i}`, `k${i}`)).status).toBe(200);
    const flood = await sw.api.message(id, 'what is my balance again', 'k3');
    expect([flood.status, flood.body]).toEqual([429, { error: { code: 'rate_limited', message: expect.stringMatching(/Too many messages/), path: null } }]);
    expect(Number(flood.headers.get('retry-after'))).toBeGreaterThan(0);
    // Replaying an accepted turn is not a new turn.
    expect((await sw.api.message(id, 'what is my balance 0', 'k0')).status).toBe(200);
    expect((await sw.api.get(id)).body.lastEventId).toBe(7);
  });

  it('limits requests per site key', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await sw.api.with(sw.stagingKey).request('GET', '/conversations/conv_nope')).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    expect(statuses[0]).toBe(404);
  });

  it('has defaults a busy site and the benchmark stay under', () => {
    expect(defaultSiteApiOptions.keyRequestsPerMinute).toBeGreaterThanOrEqual(600_000);
    expect(defaultSiteApiOptions.conversationTurnsPerMinute).toBeGreaterThanOrEqual(120);
  });
});

describe.each(dialects.slice(0, 1))('CSAT rate limit on $name', (dialect) => {
  let sw: SiteWorld;

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')], site: { conversationTurnsPerMinute: 3 } });
  });
  afterAll(async () => sw?.close());

  it('counts scores against the conversation limit, storing nothing refused', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const statuses: number[] = [];
    for (let score = 1; score <= 4; score++) statuses.push((await sw.api.request('POST', `/conversations/${id}/csat`, { score })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Three csat events after the greeting; the refused fourth stored nothing.
    expect((await sw.api.get(id)).body).toMatchObject({ lastEventId: 4, csat: { score: 3 } });
  });
});
