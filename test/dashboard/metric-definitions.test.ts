// The dashboard's metric definitions on fixed event sets, against figures worked out by hand:
// the fixture (every edge case at once), filters, no data, and the small helpers.
import { describe, expect, it } from 'vitest';
import { dashboardFilter } from '../../shared/api/dashboard.ts';
import { aggregatesOf, figuresOf, liveTilesOf, percentile, ratio, weekdayOf, type DashboardFacts } from '../../server/dashboard/metric-definitions.ts';
import { expectFixtureFigures } from './expected.ts';
import { facts, period } from './fixture.ts';

const figures = (f: object, data: DashboardFacts = facts) => {
  const filter = dashboardFilter.parse({ ...period, ...f });
  return figuresOf(aggregatesOf(data, filter), filter);
};

describe('dashboard figures of the fixture', () => {
  it('match the hand-computed figures', () => expectFixtureFigures(figures({})));

  it('queue filter: escalation and agent figures count only that queue, containment does not change', () => {
    const f = figures({ queue: 'general' });
    expect(f.containmentRate).toBeCloseTo(2 / 5);
    expect(f.totals.escalated).toBe(2); // c3, c5
    expect(f.escalationRate).toBeCloseTo(2 / 5);
    expect(f.totals.handoffs).toBe(2);
    expect(f.accuracy).toEqual({ handoffs: 2, labelled: 1, needed: 0, rate: 0 });
    expect(f.byReason.map((r) => r.reason)).toEqual(['customer_request', 'low_confidence']);
  });

  it('channel, version and flow filters narrow the conversations', () => {
    const whatsapp = figures({ channel: 'whatsapp' });
    expect(whatsapp.totals).toMatchObject({ conversations: 1, decided: 1, contained: 0, escalated: 1 });
    expect(whatsapp.containmentRate).toBe(0);
    expect(whatsapp.repeatContact).toEqual({ identified: 1, repeated: 1, rate: 1 }); // c3's return c6 is on the web: still a repeat
    const v2 = figures({ versionId: 'ver_v2' });
    expect(v2.totals).toMatchObject({ conversations: 1, contained: 1 });
    expect(v2.containmentRate).toBe(1);
    expect(figures({ flowId: 'other' }).totals.conversations).toBe(0);
  });

  it('a period with no conversations has counts of zero and rates of nothing (null), not 0%', () => {
    const f = figures({ from: '2026-12-01', to: '2026-12-02' });
    expect(f.totals).toEqual({ conversations: 0, decided: 0, contained: 0, escalated: 0, undecided: 0, handoffs: 0 });
    expect([f.containmentRate, f.escalationRate, f.accuracy.rate, f.repeatContact.rate, f.csat.average]).toEqual([null, null, null, null, null]);
    expect(f.firstResponse).toEqual({ count: 0, pending: 0, p50Ms: null, p90Ms: null, histogram: [0, 0, 0, 0, 0, 0] });
    expect(f.byDay.map((d) => [d.day, d.conversations, d.containmentRate])).toEqual([
      ['2026-12-01', 0, null],
      ['2026-12-02', 0, null],
    ]);
    expect(f.topIntents).toEqual([]);
    expect(f.peaks.every((p) => p.conversations === 0 && p.escalations === 0)).toBe(true);
  });

  it('no data at all', () => {
    const f = figures({}, { conversations: [], handoffs: [] });
    expect(f.totals.conversations).toBe(0);
    expect(f.csat.rated).toBe(0);
  });

  it('a conversation exactly 7 days later is a repeat; a moment later is not', () => {
    const c = { siteId: 's', flowId: 'f', versionId: 'v', channel: 'web', customerId: 'Z', status: 'ended' as const, csatScore: null };
    const data = (later: string): DashboardFacts => ({
      conversations: [
        { ...c, id: 'a', createdAt: '2026-11-02T10:00:00.000Z' },
        { ...c, id: 'b', createdAt: later },
      ],
      handoffs: [],
    });
    expect(figures({}, data('2026-11-09T10:00:00.000Z')).repeatContact).toEqual({ identified: 1, repeated: 1, rate: 1 });
    expect(figures({}, data('2026-11-09T10:00:00.001Z')).repeatContact).toEqual({ identified: 1, repeated: 0, rate: 0 });
    // Another site's customer with the same id is someone else.
    const other = data('2026-11-03T10:00:00.000Z');
    other.conversations[1] = { ...other.conversations[1]!, siteId: 'elsewhere' };
    expect(figures({}, other).repeatContact.repeated).toBe(0);
  });
});

describe('helpers', () => {
  it('percentile is nearest-rank', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
  });

  it('ratio of nothing is null', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
  });

  it('weekdays start on Monday (UTC)', () => {
    expect(weekdayOf('2026-11-02T00:00:00.000Z')).toBe(0);
    expect(weekdayOf('2026-11-08T23')).toBe(6);
  });

  it('live tiles: oldest waiting age and occupancy', () => {
    const now = new Date('2026-11-03T12:00:00.000Z');
    expect(liveTilesOf({ now, waiting: 2, oldestWaitingAt: '2026-11-03T11:30:00.000Z', busyAgents: 1, activeAgents: 4 })).toEqual({
      at: now.toISOString(),
      waiting: 2,
      oldestWaitingMs: 30 * 60_000,
      busyAgents: 1,
      activeAgents: 4,
      occupancy: 0.25,
    });
    expect(liveTilesOf({ now, waiting: 0, oldestWaitingAt: null, busyAgents: 0, activeAgents: 0 })).toMatchObject({ oldestWaitingMs: null, occupancy: null });
  });
});

describe('the filter', () => {
  it('refuses a period that ends before it starts, is too long, or is not a date', () => {
    const issues = (input: object) => dashboardFilter.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ from: '2026-11-05', to: '2026-11-01' })).toEqual(['to: The period ends (2026-11-01) before it starts (2026-11-05).']);
    expect(issues({ from: '2025-01-01', to: '2026-11-01' })).toEqual(['to: The period is longer than 366 days; choose a shorter one.']);
    expect(issues({ from: '2026-02-30', to: '2026-03-01' })).toEqual(['from: This is not a real date.']);
    expect(issues({ from: 'yesterday', to: '2026-03-01' })?.[0]).toMatch(/^from: Use a date like/);
  });
});
