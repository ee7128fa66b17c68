// The dashboard's SQL: the aggregates of metric-definitions.ts computed in the database, on SQLite
// and PostgreSQL alike. Each query is a range scan of one covering index, period first
// (conversations_dashboard, handoff_facts_dashboard, handoff_reasons_dashboard,
// conversations_returns): no conversation state, handoff package or message event is read.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DashboardFilter, LiveFilter } from '../../shared/api/dashboard.ts';
import type { Database } from '../db/database.ts';
import type { DialectName } from '../db/dialect-name.ts';
import { dashboardDb, type DashboardDatabase } from './dashboard-database.ts';
import { periodOf, type DashboardAggregates, type HourRow } from './metric-definitions.ts';

/** A shift: agents signed in this recently (with the session still valid) count as active. */
export const ACTIVE_AGENT_WINDOW_MS = 8 * 3_600_000;

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Conversations in scope: started in the period, on the flow, version and channel chosen. */
function conversationsInScope(db: Kysely<DashboardDatabase>, f: DashboardFilter) {
  const { start, end } = periodOf(f);
  let q = db.selectFrom('conversations as c').where('c.created_at', '>=', start).where('c.created_at', '<', end);
  if (f.flowId !== undefined) q = q.where('c.flow_id', '=', f.flowId);
  if (f.versionId !== undefined) q = q.where('c.version_id', '=', f.versionId);
  if (f.channel !== undefined) q = q.where('c.channel', '=', f.channel);
  return q;
}

/** The filter on a facts table (aliased `x`): conversations in scope, handoffs to the queue chosen. */
function factsScope(f: DashboardFilter): Expression<SqlBool> {
  const { start, end } = periodOf(f);
  const terms = [sql`x.conversation_created_at >= ${start}`, sql`x.conversation_created_at < ${end}`];
  if (f.flowId !== undefined) terms.push(sql`x.flow_id = ${f.flowId}`);
  if (f.versionId !== undefined) terms.push(sql`x.version_id = ${f.versionId}`);
  if (f.channel !== undefined) terms.push(sql`x.channel = ${f.channel}`);
  if (f.queue !== undefined) terms.push(sql`x.queue = ${f.queue}`);
  return sql<SqlBool>`${sql.join(terms, sql` and `)}`;
}

/** Conversations per start hour with their containment and CSAT counts. */
async function hourRows(db: Kysely<DashboardDatabase>, f: DashboardFilter): Promise<HourRow[]> {
  const score = (s: number) => sql<number>`sum(case when c.csat_score = ${s} then 1 else 0 end)`;
  const rows = await conversationsInScope(db, f)
    .select([
      sql<string>`substr(c.created_at, 1, 13)`.as('hour'),
      sql<number>`count(*)`.as('conversations'),
      sql<number>`sum(case when c.status <> 'active' or c.handed_off = 1 then 1 else 0 end)`.as('decided'),
      sql<number>`sum(case when c.status = 'ended' and c.handed_off = 0 then 1 else 0 end)`.as('contained'),
      sql<number>`sum(c.handed_off)`.as('escalated'),
      score(1).as('csat1'),
      score(2).as('csat2'),
      score(3).as('csat3'),
      score(4).as('csat4'),
      score(5).as('csat5'),
    ])
    .groupBy(sql`substr(c.created_at, 1, 13)`)
    .execute();
  const hours = rows.map(
    (r): HourRow => ({
      hour: r.hour,
      conversations: n(r.conversations),
      decided: n(r.decided),
      contained: n(r.contained),
      escalated: n(r.escalated),
      csat: [n(r.csat1), n(r.csat2), n(r.csat3), n(r.csat4), n(r.csat5)],
    }),
  );
  if (f.queue === undefined) return hours;
  // With a queue chosen, "escalated" means handed to that queue.
  const toQueue = await db
    .selectFrom('handoff_facts as x')
    .where(factsScope(f))
    .select([sql<string>`substr(x.conversation_created_at, 1, 13)`.as('hour'), sql<number>`count(distinct x.conversation_id)`.as('escalated')])
    .groupBy(sql`substr(x.conversation_created_at, 1, 13)`)
    .execute();
  const byHour = new Map(toQueue.map((r) => [r.hour, n(r.escalated)]));
  return hours.map((h) => ({ ...h, escalated: byHour.get(h.hour) ?? 0 }));
}

async function handoffRows(db: Kysely<DashboardDatabase>, f: DashboardFilter): Promise<DashboardAggregates['handoffs']> {
  const rows = await db
    .selectFrom('handoff_facts as x')
    .where(factsScope(f))
    .leftJoin('handoffs as h', (j) => j.onRef('h.conversation_id', '=', 'x.conversation_id').onRef('h.id', '=', 'x.handoff_id'))
    .leftJoin('handoff_labels as hl', 'hl.handoff_id', 'x.handoff_id')
    .select(['x.created_at', 'h.resolved_at', 'x.first_response_at', 'x.intent', 'hl.escalation_needed'])
    .execute();
  return rows.map((r) => ({
    createdAt: r.created_at,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    intent: r.intent,
    needed: r.escalation_needed === null ? null : n(r.escalation_needed),
  }));
}

async function reasonRows(db: Kysely<DashboardDatabase>, f: DashboardFilter): Promise<Pick<DashboardAggregates, 'reasons' | 'rules'>> {
  const base = () => db.selectFrom('handoff_reasons as x').where(factsScope(f));
  const reasons = await base()
    .select(['x.reason', sql<number>`count(distinct x.handoff_id)`.as('handoffs'), sql<number>`count(distinct x.conversation_id)`.as('conversations')])
    .groupBy('x.reason')
    .execute();
  const rules = await base()
    .where('x.source', '=', 'rule')
    .select([
      'x.source_id',
      sql<string>`max(x.name)`.as('name'),
      sql<number>`count(distinct x.handoff_id)`.as('handoffs'),
      sql<number>`count(distinct x.conversation_id)`.as('conversations'),
    ])
    .groupBy('x.source_id')
    .execute();
  return {
    reasons: reasons.map((r) => ({ reason: r.reason, handoffs: n(r.handoffs), conversations: n(r.conversations) })),
    rules: rules.map((r) => ({ ruleId: r.source_id, name: r.name, handoffs: n(r.handoffs), conversations: n(r.conversations) })),
  };
}

/** Identified conversations in scope and how many of them the customer returned to (repeat-contact.ts keeps the flag). */
async function repeatRow(db: Kysely<DashboardDatabase>, f: DashboardFilter): Promise<DashboardAggregates['repeat']> {
  const row = await conversationsInScope(db, f)
    .where('c.customer_id', 'is not', null)
    .select([sql<number>`count(*)`.as('identified'), sql<number>`sum(c.returned_within_7d)`.as('repeated')])
    .executeTakeFirstOrThrow();
  return { identified: n(row.identified), repeated: n(row.repeated) };
}

/** The parts of a load by name (the benchmark times each). */
export const aggregateQueries = {
  hours: (db: Kysely<Database>, _d: DialectName, f: DashboardFilter) => hourRows(dashboardDb(db), f),
  handoffs: (db: Kysely<Database>, _d: DialectName, f: DashboardFilter) => handoffRows(dashboardDb(db), f),
  reasons: (db: Kysely<Database>, _d: DialectName, f: DashboardFilter) => reasonRows(dashboardDb(db), f),
  repeat: (db: Kysely<Database>, _d: DialectName, f: DashboardFilter) => repeatRow(dashboardDb(db), f),
};

/** Every aggregate of one dashboard load. SQLite runs them one after another on its one connection anyway. */
export async function queryAggregates(db: Kysely<Database>, dialect: DialectName, f: DashboardFilter): Promise<DashboardAggregates> {
  const q = aggregateQueries;
  if (dialect === 'postgres') {
    const [hours, handoffs, reasons, repeat] = await Promise.all([q.hours(db, dialect, f), q.handoffs(db, dialect, f), q.reasons(db, dialect, f), q.repeat(db, dialect, f)]);
    return { hours, handoffs, ...reasons, repeat };
  }
  const hours = await q.hours(db, dialect, f);
  const handoffs = await q.handoffs(db, dialect, f);
  const reasons = await q.reasons(db, dialect, f);
  const repeat = await q.repeat(db, dialect, f);
  return { hours, handoffs, ...reasons, repeat };
}

/** What the live tiles need: the waiting queue and the agents. */
export async function queryLive(db: Kysely<Database>, f: LiveFilter, now: Date) {
  let waiting = db.selectFrom('handoffs').where('status', '=', 'waiting');
  if (f.queue !== undefined) waiting = waiting.where('queue', '=', f.queue);
  if (f.flowId !== undefined) waiting = waiting.where('flow_id', '=', f.flowId);
  const w = await waiting.select([sql<number>`count(*)`.as('n'), sql<string | null>`min(created_at)`.as('oldest')]).executeTakeFirstOrThrow();

  const holding = sql<SqlBool>`exists (select 1 from handoffs bh where bh.claimed_by = u.id and bh.status = 'assigned')`;
  const since = new Date(now.getTime() - ACTIVE_AGENT_WINDOW_MS).toISOString();
  const signedIn = sql<SqlBool>`exists (select 1 from sessions s where s.user_id = u.id and s.expires_at > ${now.toISOString()} and s.created_at >= ${since})`;
  const agents = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', (j) => j.onRef('r.user_id', '=', 'u.id').on('r.role', '=', 'agent'))
    .where('u.disabled_at', 'is', null)
    .select([
      sql<number>`sum(case when ${holding} then 1 else 0 end)`.as('busy'),
      sql<number>`sum(case when ${holding} or ${signedIn} then 1 else 0 end)`.as('active'),
    ])
    .executeTakeFirstOrThrow();
  return { waiting: n(w.n), oldestWaitingAt: w.oldest, busyAgents: n(agents.busy), activeAgents: n(agents.active) };
}

/** The choices the filter bar offers, and the span of stored conversations. */
export async function queryOptions(db: Kysely<Database>) {
  const flows = await db.selectFrom('flows').select(['id', 'name']).orderBy('name').execute();
  const versions = await db.selectFrom('versions').select(['id', 'flow_id', 'number']).orderBy('flow_id').orderBy('number', 'desc').execute();
  const channels = await db.selectFrom('conversations').select('channel').distinct().orderBy('channel').execute();
  const queues = await db.selectFrom('handoff_facts').select('queue').distinct().orderBy('queue').execute();
  const span = await db
    .selectFrom('conversations')
    .select([sql<string | null>`min(created_at)`.as('first'), sql<string | null>`max(created_at)`.as('last')])
    .executeTakeFirstOrThrow();
  return {
    flows,
    versions: versions.map((v) => ({ id: v.id, flowId: v.flow_id, number: n(v.number) })),
    channels: channels.map((c) => c.channel),
    queues: queues.map((q) => q.queue),
    firstDay: span.first?.slice(0, 10) ?? null,
    lastDay: span.last?.slice(0, 10) ?? null,
  };
}
