// The operations dashboard's wire shapes (`dashboard.*`, roles analyst and admin): the filter, the
// figures of one dashboard load, the live tiles and the filter choices. Definitions: docs/dashboard.md.
import { z } from 'zod';
import { recordId } from './common.ts';

/** A calendar day in UTC, `YYYY-MM-DD`. */
export const utcDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-27.')
  .refine(isRealDay, 'This is not a real date.');

function isRealDay(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

/** The longest period one load covers. */
export const MAX_PERIOD_DAYS = 366;

const DAY_MS = 86_400_000;

export const dashboardFilter = z
  .strictObject({
    /** First day of the period (UTC, inclusive). */
    from: utcDay,
    /** Last day of the period (UTC, inclusive). */
    to: utcDay,
    /** Only conversations of this flow. Default: every flow. */
    flowId: z.string().min(1).max(100).optional(),
    /** Only conversations on this version. Default: every version. */
    versionId: recordId.optional(),
    /** Only conversations on this channel (e.g. web). Default: every channel. */
    channel: z.string().min(1).max(50).optional(),
    /** Only handoffs to this queue; applies to escalation, agent and live figures. Default: every queue. */
    queue: z.string().min(1).max(100).optional(),
  })
  .superRefine((f, ctx) => {
    if (!isRealDay(f.from) || !isRealDay(f.to)) return;
    const from = Date.parse(`${f.from}T00:00:00Z`);
    const to = Date.parse(`${f.to}T00:00:00Z`);
    if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: `The period ends (${f.to}) before it starts (${f.from}).` });
    else if ((to - from) / DAY_MS + 1 > MAX_PERIOD_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `The period is longer than ${MAX_PERIOD_DAYS} days; choose a shorter one.` });
    }
  });
export type DashboardFilter = z.output<typeof dashboardFilter>;

/** Live tiles are "now", not a period: only the flow and queue filters apply. */
export const liveFilter = z.strictObject({
  flowId: z.string().min(1).max(100).optional(),
  queue: z.string().min(1).max(100).optional(),
});
export type LiveFilter = z.output<typeof liveFilter>;

const rate = z.number().min(0).max(1).nullable();
const durations = z.object({
  /** Handoffs measured. */
  count: z.number(),
  /** Handoffs in scope not measured yet (no agent reply / not resolved). */
  pending: z.number(),
  p50Ms: z.number().nullable(),
  p90Ms: z.number().nullable(),
  /** Counts per bucket of DURATION_BUCKETS. */
  histogram: z.array(z.number()),
});
export type DurationFigures = z.output<typeof durations>;

/** Upper bounds (exclusive, ms) of the duration histogram buckets; the last bucket is open. */
export const DURATION_BUCKETS = [
  { label: 'under 1 min', belowMs: 60_000 },
  { label: '1–5 min', belowMs: 300_000 },
  { label: '5–15 min', belowMs: 900_000 },
  { label: '15–60 min', belowMs: 3_600_000 },
  { label: '1–4 h', belowMs: 14_400_000 },
  { label: '4 h or more', belowMs: Number.POSITIVE_INFINITY },
] as const;

export const dashboardFigures = z.object({
  /** The period as half-open UTC instants [start, end). */
  period: z.object({ start: z.string(), end: z.string() }),
  totals: z.object({
    /** Conversations started in the period (matching flow, version, channel). */
    conversations: z.number(),
    /** Of those: ended, escalated, or ever handed off (the containment denominator). */
    decided: z.number(),
    /** Ended without any handoff. */
    contained: z.number(),
    /** With at least one handoff (to the chosen queue, when one is chosen). */
    escalated: z.number(),
    /** Still talking to the bot, never handed off: not counted either way yet. */
    undecided: z.number(),
    handoffs: z.number(),
  }),
  containmentRate: rate,
  escalationRate: rate,
  /** One row per UTC day of the period. */
  byDay: z.array(z.object({ day: z.string(), conversations: z.number(), decided: z.number(), contained: z.number(), containmentRate: rate })),
  byReason: z.array(z.object({ reason: z.string(), handoffs: z.number(), conversations: z.number(), rate })),
  byRule: z.array(z.object({ ruleId: z.string(), name: z.string(), handoffs: z.number(), conversations: z.number(), rate })),
  accuracy: z.object({ handoffs: z.number(), labelled: z.number(), needed: z.number(), rate }),
  firstResponse: durations,
  resolution: durations,
  repeatContact: z.object({ identified: z.number(), repeated: z.number(), rate }),
  csat: z.object({ rated: z.number(), average: z.number().nullable(), distribution: z.array(z.object({ score: z.number(), count: z.number() })) }),
  topIntents: z.array(z.object({ intent: z.string(), escalations: z.number(), share: rate })),
  /** 7 × 24 cells, weekday 0 = Monday, hours in UTC. */
  peaks: z.array(z.object({ weekday: z.number(), hour: z.number(), conversations: z.number(), escalations: z.number() })),
});
export type DashboardFigures = z.output<typeof dashboardFigures>;

export const liveTiles = z.object({
  at: z.string(),
  waiting: z.number(),
  /** Age of the oldest waiting handoff; null when none waits. */
  oldestWaitingMs: z.number().nullable(),
  /** Agents holding an assigned handoff. */
  busyAgents: z.number(),
  /** Agents signed in now or holding a handoff. */
  activeAgents: z.number(),
  occupancy: rate,
});
export type LiveTiles = z.output<typeof liveTiles>;

export const dashboardOptions = z.object({
  flows: z.array(z.object({ id: z.string(), name: z.string() })),
  versions: z.array(z.object({ id: z.string(), flowId: z.string(), number: z.number() })),
  channels: z.array(z.string()),
  queues: z.array(z.string()),
  /** Day of the oldest and newest conversation, for the default period; null with no data. */
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
});
export type DashboardOptions = z.output<typeof dashboardOptions>;
