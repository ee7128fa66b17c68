// The dashboard's metric definitions as pure functions (docs/dashboard.md states them in words).
// Two steps: facts → aggregates (small per-hour / per-handoff / per-reason rows) → figures. The SQL
// queries (dashboard-queries.ts) compute the same aggregates in the database, so both paths share
// the second step, and `aggregatesOf` is the reference the queries are tested against.
import { DURATION_BUCKETS, type DashboardFigures, type DashboardFilter, type DurationFigures, type LiveTiles } from '../../shared/api/dashboard.ts';

export const REPEAT_WINDOW_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;
/** How many intents the "most often escalated" list shows. */
export const TOP_INTENTS = 10;
/** The label of escalations whose package named no intent. */
export const NO_INTENT = '(no intent)';

// ── Facts: what happened, as stored ──────────────────────────────────────────────────────────

export interface ConversationFact {
  id: string;
  siteId: string;
  flowId: string;
  versionId: string;
  channel: string;
  customerId: string | null;
  status: 'active' | 'escalated' | 'ended';
  csatScore: number | null;
  createdAt: string;
}

export interface HandoffFact {
  id: string;
  conversationId: string;
  queue: string;
  createdAt: string;
  /** First agent message after the handoff. */
  firstResponseAt: string | null;
  resolvedAt: string | null;
  intent: string | null;
  reasons: Array<{ source: 'rule' | 'node' | 'system'; sourceId: string; reason: string; name: string }>;
  /** The agent's label, when there is one. */
  escalationNeeded: boolean | null;
}

export interface DashboardFacts {
  conversations: ConversationFact[];
  handoffs: HandoffFact[];
}

// ── Aggregates: what the queries return ──────────────────────────────────────────────────────

export interface HourRow {
  /** `YYYY-MM-DDTHH` (UTC) the conversations started in. */
  hour: string;
  conversations: number;
  decided: number;
  contained: number;
  escalated: number;
  /** Rated conversations per score 1…5. */
  csat: [number, number, number, number, number];
}

export interface HandoffRow {
  createdAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  intent: string | null;
  /** 1 needed, 0 not needed, null unlabelled. */
  needed: number | null;
}

export interface DashboardAggregates {
  hours: HourRow[];
  handoffs: HandoffRow[];
  reasons: Array<{ reason: string; handoffs: number; conversations: number }>;
  rules: Array<{ ruleId: string; name: string; handoffs: number; conversations: number }>;
  repeat: { identified: number; repeated: number };
}

/** The half-open instants [start, end) of a filter's days. */
export function periodOf(f: Pick<DashboardFilter, 'from' | 'to'>): { start: string; end: string } {
  const start = new Date(`${f.from}T00:00:00.000Z`);
  const end = new Date(Date.parse(`${f.to}T00:00:00.000Z`) + DAY_MS);
  return { start: start.toISOString(), end: end.toISOString() };
}

/** The reference computation of the aggregates from facts; the SQL queries must agree with it. */
export function aggregatesOf(facts: DashboardFacts, f: DashboardFilter): DashboardAggregates {
  const { start, end } = periodOf(f);
  const inScope = facts.conversations.filter(
    (c) =>
      c.createdAt >= start &&
      c.createdAt < end &&
      (f.flowId === undefined || c.flowId === f.flowId) &&
      (f.versionId === undefined || c.versionId === f.versionId) &&
      (f.channel === undefined || c.channel === f.channel),
  );
  const scopeIds = new Set(inScope.map((c) => c.id));
  const everHandedOff = new Set(facts.handoffs.map((h) => h.conversationId));
  const handoffs = facts.handoffs.filter((h) => scopeIds.has(h.conversationId) && (f.queue === undefined || h.queue === f.queue));
  const escalated = new Set(handoffs.map((h) => h.conversationId));

  const hours = new Map<string, HourRow>();
  for (const c of inScope) {
    const key = c.createdAt.slice(0, 13);
    const row = hours.get(key) ?? { hour: key, conversations: 0, decided: 0, contained: 0, escalated: 0, csat: [0, 0, 0, 0, 0] };
    row.conversations++;
    if (c.status !== 'active' || everHandedOff.has(c.id)) row.decided++;
    if (c.status === 'ended' && !everHandedOff.has(c.id)) row.contained++;
    if (escalated.has(c.id)) row.escalated++;
    if (c.csatScore !== null && c.csatScore >= 1 && c.csatScore <= 5) row.csat[c.csatScore - 1]!++;
    hours.set(key, row);
  }

  const reasonGroups = new Map<string, { handoffs: Set<string>; conversations: Set<string> }>();
  const ruleGroups = new Map<string, { name: string; handoffs: Set<string>; conversations: Set<string> }>();
  for (const h of handoffs) {
    for (const r of h.reasons) {
      const g = reasonGroups.get(r.reason) ?? { handoffs: new Set(), conversations: new Set() };
      g.handoffs.add(h.id);
      g.conversations.add(h.conversationId);
      reasonGroups.set(r.reason, g);
      if (r.source !== 'rule') continue;
      const rg = ruleGroups.get(r.sourceId) ?? { name: r.name, handoffs: new Set(), conversations: new Set() };
      if (r.name > rg.name) rg.name = r.name;
      rg.handoffs.add(h.id);
      rg.conversations.add(h.conversationId);
      ruleGroups.set(r.sourceId, rg);
    }
  }

  const identified = inScope.filter((c) => c.customerId !== null);
  const repeated = identified.filter((c) => {
    const t = Date.parse(c.createdAt);
    return facts.conversations.some(
      (o) => o.id !== c.id && o.siteId === c.siteId && o.customerId === c.customerId && o.createdAt > c.createdAt && Date.parse(o.createdAt) <= t + REPEAT_WINDOW_MS,
    );
  });

  return {
    hours: [...hours.values()],
    handoffs: handoffs.map((h) => ({
      createdAt: h.createdAt,
      firstResponseAt: h.firstResponseAt,
      resolvedAt: h.resolvedAt,
      intent: h.intent,
      needed: h.escalationNeeded === null ? null : h.escalationNeeded ? 1 : 0,
    })),
    reasons: [...reasonGroups].map(([reason, g]) => ({ reason, handoffs: g.handoffs.size, conversations: g.conversations.size })),
    rules: [...ruleGroups].map(([ruleId, g]) => ({ ruleId, name: g.name, handoffs: g.handoffs.size, conversations: g.conversations.size })),
    repeat: { identified: identified.length, repeated: repeated.length },
  };
}

// ── Figures: what the dashboard shows ────────────────────────────────────────────────────────

/** part / whole, or null when whole is 0 (a rate of nothing is not 0%). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Nearest-rank percentile (p in 0…1): the smallest value with at least p of the values at or below it; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted(Float64Array.from(values).sort(), p);
}

/** `percentile` of values already sorted ascending (a typed array sorts numerically without a comparator). */
function percentileOfSorted(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/** p50, p90 and histogram of durations; `pending` counts the ones without an end yet. */
export function durationFigures(durationsMs: ArrayLike<number>, pending: number): DurationFigures {
  const histogram = DURATION_BUCKETS.map(() => 0);
  const sorted = Float64Array.from(durationsMs).sort();
  // Sorted, so each bucket starts where the previous one ended.
  let bucket = 0;
  for (const d of sorted) {
    while (bucket < DURATION_BUCKETS.length - 1 && !(d < DURATION_BUCKETS[bucket]!.belowMs)) bucket++;
    histogram[bucket]!++;
  }
  return { count: sorted.length, pending, p50Ms: percentileOfSorted(sorted, 0.5), p90Ms: percentileOfSorted(sorted, 0.9), histogram };
}

/** Monday = 0 … Sunday = 6, for a UTC instant or `YYYY-MM-DDTHH` hour. */
export function weekdayOf(isoOrHour: string): number {
  const d = new Date(isoOrHour.length === 13 ? `${isoOrHour}:00:00Z` : isoOrHour);
  return (d.getUTCDay() + 6) % 7;
}

/** Weekday (Monday = 0) and UTC hour of an instant in ms, without building a Date: 1970-01-01 was a Thursday. */
function weekHourOf(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  const weekday = (((day + 3) % 7) + 7) % 7;
  return weekday * 24 + Math.floor((ms - day * DAY_MS) / 3_600_000);
}

/** Every figure of one dashboard load from its aggregates. */
export function figuresOf(a: DashboardAggregates, f: DashboardFilter): DashboardFigures {
  const period = periodOf(f);
  const sum = (pick: (h: HourRow) => number) => a.hours.reduce((s, h) => s + pick(h), 0);
  const conversations = sum((h) => h.conversations);
  const decided = sum((h) => h.decided);
  const contained = sum((h) => h.contained);
  const escalated = sum((h) => h.escalated);

  const days = new Map<string, { conversations: number; decided: number; contained: number }>();
  for (let t = Date.parse(period.start); t < Date.parse(period.end); t += DAY_MS) {
    days.set(new Date(t).toISOString().slice(0, 10), { conversations: 0, decided: 0, contained: 0 });
  }
  for (const h of a.hours) {
    const d = days.get(h.hour.slice(0, 10));
    if (!d) continue;
    d.conversations += h.conversations;
    d.decided += h.decided;
    d.contained += h.contained;
  }

  const peaks = Array.from({ length: 7 * 24 }, (_, i) => ({ weekday: Math.floor(i / 24), hour: i % 24, conversations: 0, escalations: 0 }));
  for (const h of a.hours) peaks[weekdayOf(h.hour) * 24 + Number(h.hour.slice(11, 13))]!.conversations += h.conversations;
  // One pass over the handoffs (there can be tens of thousands): each timestamp parsed once.
  const responses: number[] = [];
  const resolutions: number[] = [];
  let unanswered = 0;
  let unresolved = 0;
  for (const h of a.handoffs) {
    const created = Date.parse(h.createdAt);
    peaks[weekHourOf(created)]!.escalations++;
    if (h.firstResponseAt === null) unanswered++;
    else responses.push(Math.max(0, Date.parse(h.firstResponseAt) - created));
    if (h.resolvedAt === null) unresolved++;
    else resolutions.push(Math.max(0, Date.parse(h.resolvedAt) - created));
  }

  const labelled = a.handoffs.filter((h) => h.needed !== null);
  const needed = labelled.filter((h) => h.needed === 1).length;

  const intents = new Map<string, number>();
  for (const h of a.handoffs) intents.set(h.intent ?? NO_INTENT, (intents.get(h.intent ?? NO_INTENT) ?? 0) + 1);

  const csat = [1, 2, 3, 4, 5].map((score) => ({ score, count: sum((h) => h.csat[score - 1]!) }));
  const rated = csat.reduce((s, c) => s + c.count, 0);
  const byCountThenName = <T extends { handoffs: number }>(key: (x: T) => string) => (x: T, y: T) => y.handoffs - x.handoffs || key(x).localeCompare(key(y));

  return {
    period,
    totals: { conversations, decided, contained, escalated, undecided: conversations - decided, handoffs: a.handoffs.length },
    containmentRate: ratio(contained, decided),
    escalationRate: ratio(escalated, decided),
    byDay: [...days].map(([day, d]) => ({ day, ...d, containmentRate: ratio(d.contained, d.decided) })),
    byReason: a.reasons
      .map((r) => ({ reason: r.reason, handoffs: r.handoffs, conversations: r.conversations, rate: ratio(r.conversations, decided) }))
      .sort(byCountThenName((r) => r.reason)),
    byRule: a.rules
      .map((r) => ({ ruleId: r.ruleId, name: r.name, handoffs: r.handoffs, conversations: r.conversations, rate: ratio(r.conversations, decided) }))
      .sort(byCountThenName((r) => r.ruleId)),
    accuracy: { handoffs: a.handoffs.length, labelled: labelled.length, needed, rate: ratio(needed, labelled.length) },
    firstResponse: durationFigures(responses, unanswered),
    resolution: durationFigures(resolutions, unresolved),
    repeatContact: { ...a.repeat, rate: ratio(a.repeat.repeated, a.repeat.identified) },
    csat: { rated, average: rated === 0 ? null : csat.reduce((s, c) => s + c.score * c.count, 0) / rated, distribution: csat },
    topIntents: [...intents]
      .map(([intent, n]) => ({ intent, escalations: n, share: ratio(n, a.handoffs.length) }))
      .sort((x, y) => y.escalations - x.escalations || x.intent.localeCompare(y.intent))
      .slice(0, TOP_INTENTS),
    peaks,
  };
}

/** The live tiles from the current queue and agents. */
export function liveTilesOf(o: { now: Date; waiting: number; oldestWaitingAt: string | null; busyAgents: number; activeAgents: number }): LiveTiles {
  return {
    at: o.now.toISOString(),
    waiting: o.waiting,
    oldestWaitingMs: o.oldestWaitingAt === null ? null : Math.max(0, o.now.getTime() - Date.parse(o.oldestWaitingAt)),
    busyAgents: o.busyAgents,
    activeAgents: o.activeAgents,
    occupancy: ratio(o.busyAgents, o.activeAgents),
  };
}
