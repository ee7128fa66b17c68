// The fixture's figures worked out by hand (see fixture.ts for each conversation's story). Both
// the pure definitions and the SQL queries must produce exactly these.
import { expect } from 'vitest';
import type { DashboardFigures } from '../../shared/api/dashboard.ts';

const MIN = 60_000;

/** Period 2026-11-02 … 2026-11-03, no other filter. */
export function expectFixtureFigures(f: DashboardFigures): void {
  expect(f.period).toEqual({ start: '2026-11-02T00:00:00.000Z', end: '2026-11-04T00:00:00.000Z' });
  // c1…c6 started in the period; decided: c1, c2, c3, c5 (handed back), c6; c4 is still undecided.
  expect(f.totals).toEqual({ conversations: 6, decided: 5, contained: 2, escalated: 3, undecided: 1, handoffs: 3 });
  expect(f.containmentRate).toBeCloseTo(2 / 5);
  expect(f.escalationRate).toBeCloseTo(3 / 5);
  expect(f.byDay).toEqual([
    { day: '2026-11-02', conversations: 3, decided: 3, contained: 1, containmentRate: 1 / 3 },
    { day: '2026-11-03', conversations: 3, decided: 2, contained: 1, containmentRate: 0.5 },
  ]);
  expect(f.byReason).toEqual([
    { reason: 'customer_request', handoffs: 1, conversations: 1, rate: 0.2 },
    { reason: 'high_financial_risk', handoffs: 1, conversations: 1, rate: 0.2 },
    { reason: 'low_confidence', handoffs: 1, conversations: 1, rate: 0.2 },
    { reason: 'vip_customer', handoffs: 1, conversations: 1, rate: 0.2 },
  ]);
  // The system reason (customer_request) is not a rule.
  expect(f.byRule.map((r) => [r.ruleId, r.name, r.handoffs])).toEqual([
    ['big-transfer', 'Large unrecognised transfer', 1],
    ['repeated-low-confidence', 'Bot did not understand twice', 1],
    ['vip-complaint', 'VIP complaint', 1],
  ]);
  // h1 needed, h3 not; h2 unlabelled.
  expect(f.accuracy).toEqual({ handoffs: 3, labelled: 2, needed: 1, rate: 0.5 });
  // h1 answered after 2 min, h3 after 1 min; h2 not yet. Nearest rank: p50 = 1st of 2, p90 = 2nd.
  expect(f.firstResponse).toEqual({ count: 2, pending: 1, p50Ms: 1 * MIN, p90Ms: 2 * MIN, histogram: [0, 2, 0, 0, 0, 0] });
  // h1 resolved after 20 min, h3 after 8 min.
  expect(f.resolution).toEqual({ count: 2, pending: 1, p50Ms: 8 * MIN, p90Ms: 20 * MIN, histogram: [0, 0, 1, 1, 0, 0] });
  // Identified: c1 (A), c2 (A), c3 (B), c5 (C), c6 (B); back within 7 days: c1 (c2), c3 (c6), c5 (c7, after the period).
  expect(f.repeatContact).toEqual({ identified: 5, repeated: 3, rate: 0.6 });
  expect(f.csat).toEqual({
    rated: 2,
    average: 3.5,
    distribution: [
      { score: 1, count: 0 },
      { score: 2, count: 1 },
      { score: 3, count: 0 },
      { score: 4, count: 0 },
      { score: 5, count: 1 },
    ],
  });
  expect(f.topIntents).toEqual([
    { intent: '(no intent)', escalations: 1, share: 1 / 3 },
    { intent: 'pin_blocked', escalations: 1, share: 1 / 3 },
    { intent: 'transfer_not_recognised', escalations: 1, share: 1 / 3 },
  ]);
  const cell = (weekday: number, hour: number) => f.peaks.find((p) => p.weekday === weekday && p.hour === hour);
  expect(f.peaks).toHaveLength(168);
  expect(cell(0, 9)).toEqual({ weekday: 0, hour: 9, conversations: 2, escalations: 1 });
  expect(cell(0, 14)).toEqual({ weekday: 0, hour: 14, conversations: 1, escalations: 1 });
  expect(cell(1, 10)).toEqual({ weekday: 1, hour: 10, conversations: 2, escalations: 1 });
  expect(cell(1, 23)).toEqual({ weekday: 1, hour: 23, conversations: 1, escalations: 0 });
  expect(f.peaks.reduce((s, p) => s + p.conversations, 0)).toBe(6);
}
