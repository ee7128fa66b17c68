// The dashboard's SQL on SQLite and PostgreSQL: the fixture stored through the real handoff write
// path gives the hand-computed figures through `dashboard.figures`, the SQL aggregates equal the
// reference definitions under every filter, labels move escalation accuracy, live tiles see the
// queue and the agents, and bad filters are clear 400s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFilter } from '../../shared/api/dashboard.ts';
import { queryAggregates } from '../../server/dashboard/dashboard-queries.ts';
import { aggregatesOf, type DashboardAggregates } from '../../server/dashboard/metric-definitions.ts';
import { dialects, makeWorld, rejects, type TestDatabase, type World } from '../server/harness.ts';
import { expectFixtureFigures } from './expected.ts';
import { addLabel, facts, period, seedFixture } from './fixture.ts';

/** Aggregates in a fixed order, so SQL and reference compare equal. */
function sorted(a: DashboardAggregates): DashboardAggregates {
  const by = <T>(key: (x: T) => string) => (x: T, y: T) => key(x).localeCompare(key(y));
  return {
    hours: [...a.hours].sort(by((h) => h.hour)),
    handoffs: [...a.handoffs].sort(by((h) => h.createdAt)),
    reasons: [...a.reasons].sort(by((r) => r.reason)),
    rules: [...a.rules].sort(by((r) => r.ruleId)),
    repeat: a.repeat,
  };
}

describe.each(dialects)('dashboard queries on $name', (dialect) => {
  let database: TestDatabase;
  let world: World;
  let handoffIds: Map<string, string>;

  beforeAll(async () => {
    database = await dialect.open();
    world = await makeWorld(database);
    handoffIds = await seedFixture(database.db, { labeller: world.ids.alex });
  });
  afterAll(async () => database?.cleanup());

  it('dashboard.figures gives the hand-computed figures of the fixture', async () => {
    const ann = await world.as('ann');
    expectFixtureFigures(await ann.api.dashboard.figures(period));
  });

  it.each([
    {},
    { queue: 'general' },
    { queue: 'fraud', channel: 'web' },
    { channel: 'whatsapp' },
    { versionId: 'ver_v2' },
    { flowId: 'banking', versionId: 'ver_v1' },
    { from: '2026-11-03', to: '2026-11-03' },
    { from: '2026-10-01', to: '2026-12-31' },
    { from: '2026-12-01', to: '2026-12-02' },
  ])('the SQL aggregates equal the reference definitions with filter %o', async (extra) => {
    const filter = dashboardFilter.parse({ ...period, ...extra });
    expect(sorted(await queryAggregates(database.db, database.dialect, filter))).toEqual(sorted(aggregatesOf(facts, filter)));
  });

  it('agent labels change escalation accuracy', async () => {
    const ann = await world.as('ann');
    expect((await ann.api.dashboard.figures(period)).accuracy).toEqual({ handoffs: 3, labelled: 2, needed: 1, rate: 0.5 });
    await addLabel(database.db, { handoffId: handoffIds.get('h2')!, conversationId: 'c3', needed: true, labeller: world.ids.alex });
    expect((await ann.api.dashboard.figures(period)).accuracy).toEqual({ handoffs: 3, labelled: 3, needed: 2, rate: 2 / 3 });
    await database.db.deleteFrom('handoff_labels').where('handoff_id', '=', handoffIds.get('h2')!).execute();
  });

  it('live tiles: the waiting handoff, its age, and agent occupancy', async () => {
    const ann = await world.as('ann');
    const now = world.clock.now().getTime();
    expect(await ann.api.dashboard.live()).toEqual({
      at: new Date(now).toISOString(),
      waiting: 1,
      oldestWaitingMs: now - Date.parse('2026-11-02T14:02:00.000Z'),
      busyAgents: 0,
      activeAgents: 0,
      occupancy: null,
    });
    expect((await ann.api.dashboard.live({ queue: 'fraud' })).waiting).toBe(0);
    // Alex signs in (active) and takes the waiting handoff (busy).
    await world.as('alex');
    expect(await ann.api.dashboard.live()).toMatchObject({ busyAgents: 0, activeAgents: 1, occupancy: 0 });
    await database.db.updateTable('handoffs').set({ status: 'assigned', claimed_by: world.ids.alex, claimed_at: new Date(now).toISOString() }).where('id', '=', handoffIds.get('h2')!).execute();
    expect(await ann.api.dashboard.live()).toMatchObject({ waiting: 0, oldestWaitingMs: null, busyAgents: 1, activeAgents: 1, occupancy: 1 });
    await database.db.updateTable('handoffs').set({ status: 'waiting', claimed_by: null, claimed_at: null }).where('id', '=', handoffIds.get('h2')!).execute();
  });

  it('offers the stored flows, versions, channels and queues to filter by', async () => {
    const ann = await world.as('ann');
    expect(await ann.api.dashboard.options()).toEqual({
      flows: [{ id: 'banking', name: 'Banking' }],
      versions: [
        { id: 'ver_v2', flowId: 'banking', number: 2 },
        { id: 'ver_v1', flowId: 'banking', number: 1 },
      ],
      channels: ['web', 'whatsapp'],
      queues: ['fraud', 'general'],
      firstDay: '2026-11-01',
      lastDay: '2026-11-10',
    });
  });

  it('bad filters are 400s that say what is wrong', async () => {
    const ann = await world.as('ann');
    expect((await rejects(ann.api.dashboard.figures({ ...period, flowId: 'nope' }), 'BAD_REQUEST')).error.message).toBe('flowId: there is no flow "nope".');
    expect((await rejects(ann.api.dashboard.figures({ ...period, versionId: 'ver_missing' }), 'BAD_REQUEST')).error.message).toBe(
      'versionId: there is no version "ver_missing".',
    );
    expect((await rejects(ann.api.dashboard.figures({ from: '2026-11-05', to: '2026-11-01' }), 'BAD_REQUEST')).error.message).toMatch(/ends \(2026-11-01\) before it starts/);
    expect((await rejects(ann.api.dashboard.figures({ ...period, queue: '' }), 'BAD_REQUEST')).error.message).toMatch(/queue/);
    const alex = await world.as('alex');
    await rejects(alex.api.dashboard.figures(period), 'FORBIDDEN');
  });
});
