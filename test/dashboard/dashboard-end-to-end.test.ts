// The dashboard fed by the real product: customers talk to a deployed flow over the site API, an
// agent claims, replies to and resolves the escalation through the inbox, the customer rates it,
// and an analyst's dashboard counts all of it (the write-path hooks, not a seeded fixture).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../shared/api/inbox.ts';
import type { DashboardFigures } from '../../shared/api/dashboard.ts';
import { PASSWORD, dialects } from '../server/harness.ts';
import { signCustomerToken } from '../../server/site-api/customers/customer-token.ts';
import { chatFlow } from '../site/fixtures.ts';
import { StudioHttpClient, openSiteWorld, type SiteWorld } from '../site/site-harness.ts';

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

describe.each(dialects)('dashboard end to end on $name', (dialect) => {
  let sw: SiteWorld;

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')] });
  });
  afterAll(async () => sw?.close());

  it('counts a contained conversation and an escalation the agent answered, resolved and the customer rated', async () => {
    const contained = String((await sw.api.start({ flowId: 'chat', channel: 'web' })).body.conversationId);
    await sw.api.message(contained, 'what is my balance');
    await sw.api.message(contained, 'bye');
    await sw.api.message(contained, '5'); // the flow's rating question
    expect((await sw.api.get(contained)).body).toMatchObject({ status: 'ended' });

    const escalated = String((await sw.api.start({ flowId: 'chat', channel: 'web' })).body.conversationId);
    await sw.api.message(escalated, 'I lost my card');
    const alex = await StudioHttpClient.signIn(sw.base, 'alex@example.com', PASSWORD);
    const item = (await alex.query<InboxItem[]>('inbox.list', {})).data.find((i) => i.conversationId === escalated)!;
    expect((await alex.mutate('inbox.claim', { handoffId: item.handoffId })).status).toBe(200);
    expect((await alex.mutate('inbox.reply', { handoffId: item.handoffId, text: 'Your card is blocked.' })).status).toBe(200);
    expect((await alex.mutate('inbox.reply', { handoffId: item.handoffId, text: 'A new one is on its way.' })).status).toBe(200);
    expect((await alex.mutate('inbox.resolve', { handoffId: item.handoffId })).status).toBe(200);
    expect((await sw.api.request('POST', `/conversations/${escalated}/csat`, { score: 4 })).status).toBe(200);

    const ann = await StudioHttpClient.signIn(sw.base, 'ann@example.com', PASSWORD);
    const now = Date.now();
    const { status, data: f } = await ann.query<DashboardFigures>('dashboard.figures', { from: day(now - 86_400_000), to: day(now + 86_400_000), flowId: 'chat' });
    expect(status).toBe(200);
    expect(f.totals).toEqual({ conversations: 2, decided: 2, contained: 1, escalated: 1, undecided: 0, handoffs: 1 });
    expect(f.containmentRate).toBe(0.5);
    expect(f.byRule).toEqual([{ ruleId: 'lost-card', name: 'Lost or stolen card', handoffs: 1, conversations: 1, rate: 0.5 }]);
    expect(f.topIntents).toEqual([{ intent: 'card_lost', escalations: 1, share: 1 }]);
    expect(f.firstResponse).toMatchObject({ count: 1, pending: 0 });
    expect(f.firstResponse.p50Ms).toBeLessThan(60_000);
    expect(f.resolution).toMatchObject({ count: 1, pending: 0 });
    expect(f.resolution.p50Ms!).toBeGreaterThanOrEqual(f.firstResponse.p50Ms!);
    expect(f.csat).toMatchObject({ rated: 2, average: 4.5 });
    expect(f.accuracy).toEqual({ handoffs: 1, labelled: 0, needed: 0, rate: null });
  });

  it('counts a signed-in customer who comes back as a repeat contact, flagged when the second conversation starts', async () => {
    const admin = await sw.world.as('admin');
    const { secret } = await admin.api.siteSettings.rotateSigningSecret({ siteId: 'acme' });
    const token = (sub: string) => signCustomerToken(secret, { customer: {}, sub, exp: Math.floor(Date.now() / 1000) + 600 });
    const first = String((await sw.api.start({ flowId: 'chat', customerToken: token('cust-back') })).body.conversationId);
    await sw.api.start({ flowId: 'chat', customerToken: token('cust-once') });
    const ann = await StudioHttpClient.signIn(sw.base, 'ann@example.com', PASSWORD);
    const now = Date.now();
    const load = async () => (await ann.query<DashboardFigures>('dashboard.figures', { from: day(now - 86_400_000), to: day(now + 86_400_000), flowId: 'chat' })).data.repeatContact;
    expect(await load()).toEqual({ identified: 2, repeated: 0, rate: 0 });

    await sw.api.start({ flowId: 'chat', customerToken: token('cust-back') });
    expect(await load()).toEqual({ identified: 3, repeated: 1, rate: 1 / 3 });
    const flagged = await sw.database.db.selectFrom('conversations').select('id').where(sql.ref('returned_within_7d'), '=', 1).execute();
    expect(flagged.map((r) => r.id)).toEqual([first]);
  });
});
