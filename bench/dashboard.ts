// Dashboard benchmark on SQLite (issue 7): generates 100,000 conversations and 1,000,000 message
// events (with handoffs, their facts and reasons, agent labels, CSAT and repeat customers) in a
// temporary database, then times each dashboard query and whole loads. Target: a load under
// 300 ms. Baseline, same run: a full scan counting the message events. Run alone with
// `npx tsx bench/dashboard.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { DashboardFilter } from '../shared/api/dashboard.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { dashboardFigures, dashboardLive } from '../server/dashboard/dashboard.ts';
import { aggregateQueries } from '../server/dashboard/dashboard-queries.ts';
import { backfillReturns } from '../server/dashboard/repeat-contact.ts';
import { isMain } from './measure.ts';

const TARGET_MS = 300;
const RUNS = 7;
const CONVERSATIONS = 100_000;
const MESSAGES = 1_000_000;
const DAYS = 90;
/** The generated data ends here; the default load is the last 30 days before it. */
const NOW = Date.UTC(2026, 10, 27, 12);
const DAY_MS = 86_400_000;

/** mulberry32: the same data set on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rules = [
  { id: 'big-transfer', name: 'Large unrecognised transfer', reason: 'high_financial_risk', queue: 'fraud', priority: 'urgent' },
  { id: 'stolen-card', name: 'Stolen card', reason: 'card_security', queue: 'fraud', priority: 'urgent' },
  { id: 'vip-complaint', name: 'VIP complaint', reason: 'vip_customer', queue: 'priority', priority: 'high' },
  { id: 'repeated-low-confidence', name: 'Bot did not understand twice', reason: 'low_confidence', queue: 'general', priority: 'normal' },
  { id: 'asked-for-human', name: 'Customer asked for a person', reason: 'customer_request', queue: 'general', priority: 'normal' },
  { id: 'refund-over-limit', name: 'Refund over limit', reason: 'policy_exception', queue: 'billing', priority: 'high' },
] as const;
const intents = ['card_arrival', 'transfer_not_recognised', 'lost_or_stolen_card', 'refund_not_showing', 'exchange_rate', 'pin_blocked', 'top_up_failed', 'balance', 'direct_debit', 'verify_identity'];
const channels = [
  ['web', 0.6],
  ['whatsapp', 0.25],
  ['sms', 0.15],
] as const;
const customerLines = ['Hi, I need help with my card', 'It has been two weeks', 'Can you check the transfer please?', 'I do not recognise this payment', 'Thanks'];
const botLines = ['Sure, I can help with that.', 'Could you tell me a bit more?', 'Here is what I found in your account.', 'Is there anything else?'];

/** Fills the database as the site runtime would have, in one transaction with prepared statements. */
export function generate(file: string, o = { conversations: CONVERSATIONS, messages: MESSAGES }): { handoffs: number; labels: number; events: number; ms: number } {
  const started = performance.now();
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  // Rows go in child-first within one transaction; every reference is valid by its end.
  db.pragma('foreign_keys = OFF');
  const rnd = random(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const iso = (ms: number) => new Date(ms).toISOString();
  const counts = { handoffs: 0, labels: 0, events: 0 };

  const insertConversation = db.prepare(
    `insert into conversations (id, site_id, environment, flow_id, version_id, status, outcome, state, revision, last_seq, customer_id, customer_verified, channel, locale, csat_score, csat_comment, created_at, updated_at, handed_off)
     values (?, 'site_bench', 'production', ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, 'en', ?, null, ?, ?, ?)`,
  );
  const insertEvent = db.prepare('insert into conversation_events (conversation_id, seq, type, payload, created_at) values (?, ?, ?, ?, ?)');
  const insertHandoff = db.prepare(
    `insert into handoffs (id, conversation_id, site_id, flow_id, version_id, queue, priority, priority_rank, status, package, created_at, claimed_by, claimed_at, resolved_by, resolved_at, outcome)
     values (?, ?, 'site_bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const dims = 'conversation_id, site_id, flow_id, version_id, channel, conversation_created_at, queue';
  const insertFacts = db.prepare(`insert into handoff_facts (handoff_id, ${dims}, created_at, intent, first_response_at) values (?, ?, 'site_bench', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertReason = db.prepare(`insert into handoff_reasons (handoff_id, ${dims}, source, source_id, reason, name) values (?, ?, 'site_bench', ?, ?, ?, ?, ?, 'rule', ?, ?, ?)`);
  const insertLabel = db.prepare(
    'insert into handoff_labels (handoff_id, conversation_id, escalation_needed, correct_intent, example_text, suggestion_status, labelled_by, labelled_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );

  db.transaction(() => {
    const now = iso(NOW);
    db.prepare("insert or ignore into users (id, email, name, password_hash, disabled_at, created_at) values ('usr_bench_admin', 'admin@bench', 'Admin', 'x', null, ?)").run(now);
    const agents = Array.from({ length: 20 }, (_, i) => `usr_bench_agent_${i}`);
    for (const id of agents) {
      db.prepare("insert or ignore into users (id, email, name, password_hash, disabled_at, created_at) values (?, ?, ?, 'x', null, ?)").run(id, `${id}@bench`, id, now);
      db.prepare("insert or ignore into user_roles (user_id, role) values (?, 'agent')").run(id);
      db.prepare('insert or ignore into sessions (id, user_id, csrf_hash, created_at, expires_at, ip) values (?, ?, ?, ?, ?, ?)').run(`ses_${id}`, id, 'x', iso(NOW - 3_600_000), iso(NOW + 3_600_000), '127.0.0.1');
    }
    db.prepare("insert or ignore into sites (id, name, created_at, created_by) values ('site_bench', 'Bench', ?, null)").run(now);
    const versions: Array<{ flow: string; id: string }> = [];
    for (const flow of ['banking-support', 'returns']) {
      db.prepare('insert or ignore into flows (id, name, created_at, created_by) values (?, ?, ?, null)').run(flow, flow, now);
      for (let v = 1; v <= 2; v++) {
        const id = `ver_${flow}_${v}`;
        versions.push({ flow, id });
        db.prepare("insert or ignore into versions (id, flow_id, number, document, content_hash, policy_hash, author_id, message, parent_id, created_at) values (?, ?, ?, '{}', 'x', 'x', null, '', null, ?)").run(id, flow, v, now);
      }
    }

    const perConversation = o.messages / o.conversations;
    for (let i = 0; i < o.conversations; i++) {
      const id = `conv_bench_${i.toString(36).padStart(6, '0')}`;
      // Busier on weekdays and in office hours: accept a uniform instant with its hour's weight.
      let t: number;
      for (;;) {
        t = NOW - Math.floor(rnd() * DAYS * DAY_MS);
        const d = new Date(t);
        const weight = (d.getUTCDay() % 6 === 0 ? 0.5 : 1) * (d.getUTCHours() >= 8 && d.getUTCHours() < 20 ? 1 : 0.25);
        if (rnd() < weight) break;
      }
      const version = pick(versions);
      const r = rnd();
      let channel: string = channels[0][0];
      for (let acc = 0, k = 0; k < channels.length; k++) {
        acc += channels[k]![1];
        if (r < acc) {
          channel = channels[k]![0];
          break;
        }
      }
      const customer = rnd() < 0.6 ? `cust_${Math.floor(rnd() * 30_000)}` : null;
      const fate = rnd();
      const escalates = fate < 0.22;
      const active = !escalates && fate > 0.93;
      const messages = Math.max(2, Math.round(perConversation + (rnd() - 0.5) * 8));
      const transcript = Array.from({ length: messages }, (_, k) => ({ role: k % 2 ? 'bot' : 'user', text: k % 2 ? pick(botLines) : pick(customerLines), at: t + k * 20_000 }));
      let seq = 0;
      const event = (type: string, payload: object, at: number) => {
        insertEvent.run(id, ++seq, type, JSON.stringify({ type, ...payload }), iso(at));
        counts.events++;
      };
      let at = t;
      let handoffAt = 0;
      for (let k = 0; k < messages; k++) {
        at = t + k * 20_000;
        const role = k % 2 ? 'bot' : 'customer';
        event('message', { role, text: transcript[k]!.text, author: null, at: iso(at) }, at);
      }
      let status: 'active' | 'escalated' | 'ended' = active ? 'active' : 'ended';
      let outcome: string | null = active ? null : 'resolved';
      if (escalates) {
        const rule = pick(rules);
        const intent = rnd() < 0.9 ? pick(intents) : null;
        handoffAt = at + 5_000;
        const hid = `hnd_bench_${i.toString(36)}`;
        const claimed = rnd() < 0.95;
        const responded = claimed && rnd() < 0.97;
        const responseAt = handoffAt + Math.floor(20_000 + rnd() * rnd() * 3_600_000);
        const resolved = responded && rnd() < 0.9;
        const resolvedAt = responseAt + Math.floor(60_000 + rnd() * 7_200_000);
        const agent = pick(agents);
        const pkg = {
          schemaVersion: 1,
          conversationId: id,
          flow: { id: version.flow, version: version.id },
          queue: rule.queue,
          priority: rule.priority,
          reasons: [{ source: 'rule', id: rule.id, name: rule.name, reason: rule.reason, priority: rule.priority, queue: rule.queue, tags: [] }],
          intent: intent ? { name: intent, confidence: 0.4 + rnd() * 0.5, alternatives: [] } : null,
          variables: {},
          customer: customer ? { id: customer } : {},
          tags: [],
          summary: `The customer asked about ${intent ?? 'something the bot did not understand'}; ${rule.name}.`,
          transcript,
          channel,
          locale: 'en',
          startedAt: t,
          escalatedAt: handoffAt,
        };
        event('status', { status: 'escalated', outcome: null, handoff: null }, handoffAt);
        if (responded) event('message', { role: 'agent', text: 'Hello, I am looking at this now.', author: agent, at: iso(responseAt) }, responseAt);
        if (resolved) event('status', { status: 'ended', outcome: 'resolved', handoff: null }, resolvedAt);
        status = resolved ? 'ended' : 'escalated';
        outcome = resolved ? 'resolved' : null;
        const handoffStatus = resolved ? 'resolved' : claimed ? 'assigned' : 'waiting';
        insertHandoff.run(
          hid,
          id,
          version.flow,
          version.id,
          rule.queue,
          rule.priority,
          rule.priority === 'urgent' ? 3 : rule.priority === 'high' ? 2 : 1,
          handoffStatus,
          JSON.stringify(pkg),
          iso(handoffAt),
          claimed ? agent : null,
          claimed ? iso(handoffAt + 10_000) : null,
          resolved ? agent : null,
          resolved ? iso(resolvedAt) : null,
          resolved ? 'resolved' : null,
        );
        const dimValues = [id, version.flow, version.id, channel, iso(t), rule.queue] as const;
        insertFacts.run(hid, ...dimValues, iso(handoffAt), intent, responded ? iso(responseAt) : null);
        insertReason.run(hid, ...dimValues, rule.id, rule.reason, rule.name);
        counts.handoffs++;
        if (resolved && rnd() < 0.5) {
          const needed = rnd() < 0.8 ? 1 : 0;
          const correct = needed === 0 && rnd() < 0.5 ? pick(intents) : null;
          insertLabel.run(hid, id, needed, correct, correct ? transcript[0]!.text : null, correct ? 'open' : null, agent, iso(resolvedAt));
          counts.labels++;
        }
      }
      const csat = status === 'ended' && rnd() < 0.3 ? 1 + Math.floor(rnd() * rnd() * 5.99) : null;
      if (csat !== null) event('csat', { score: csat, comment: null }, at + 60_000);
      const state = JSON.stringify({ status, outcome, transcript, vars: {}, conversation: { channel, csat } });
      insertConversation.run(id, version.flow, version.id, status, outcome, state, seq, customer, customer ? 1 : 0, channel, csat, iso(t), iso(at), escalates ? 1 : 0);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('analyze');
  db.close();
  return { ...counts, ms: Math.round(performance.now() - started) };
}

async function time<T>(run: () => Promise<T>): Promise<{ medianMs: number; maxMs: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { medianMs: round(times[Math.floor(times.length / 2)]!), maxMs: round(times[times.length - 1]!), result };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function benchDashboard(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-dashboard-'));
  try {
    const file = join(dir, 'dashboard.db');
    const setup = openDatabase(file);
    await migrateToLatest(setup.db, setup.dialect);
    await setup.close();
    const generated = generate(file);
    const { db, dialect, close } = openDatabase(file);
    try {
      // The generator writes rows directly, not through the conversation writer's hook: set the
      // repeat-contact flags as migration 0008 does for conversations stored before it.
      const returnsStarted = performance.now();
      await backfillReturns(db, dialect);
      await sql`analyze`.execute(db);
      const returnsMs = Math.round(performance.now() - returnsStarted);
      const filters: Record<string, DashboardFilter> = {
        last30Days: { from: iso(NOW - 29 * DAY_MS), to: iso(NOW) },
        all90Days: { from: iso(NOW - DAYS * DAY_MS), to: iso(NOW) },
        filtered90Days: { from: iso(NOW - DAYS * DAY_MS), to: iso(NOW), flowId: 'banking-support', channel: 'web', queue: 'fraud' },
      };
      const baseline = await time(() => sql<{ n: number }>`select count(*) as n from conversation_events where type = 'message'`.execute(db));
      const loads: Record<string, unknown> = {};
      for (const [name, f] of Object.entries(filters)) {
        const queries: Record<string, { medianMs: number; maxMs: number }> = {};
        for (const [q, run] of Object.entries(aggregateQueries)) {
          const { medianMs, maxMs } = await time((): Promise<unknown> => run(db, dialect, f));
          queries[q] = { medianMs, maxMs };
        }
        const load = await time(async () => {
          const figures = await dashboardFigures(db, dialect, f);
          const live = await dashboardLive(db, { ...(f.flowId ? { flowId: f.flowId } : {}), ...(f.queue ? { queue: f.queue } : {}) }, new Date(NOW));
          if (!figures.ok || !live.ok) throw new Error('dashboard load failed');
          return figures.value;
        });
        loads[name] = {
          filter: f,
          conversations: load.result.totals.conversations,
          handoffs: load.result.totals.handoffs,
          queries,
          load: { medianMs: load.medianMs, maxMs: load.maxMs },
          loadVsBaseline: Math.round((load.medianMs / baseline.medianMs) * 100) / 100,
          meetsTarget: load.maxMs < TARGET_MS,
        };
      }
      return {
        dataSet: { conversations: CONVERSATIONS, events: generated.events, handoffs: generated.handoffs, labels: generated.labels, generateMs: generated.ms, backfillReturnsMs: returnsMs },
        baseline: { what: "select count(*) from conversation_events where type = 'message' (full scan)", medianMs: baseline.medianMs, maxMs: baseline.maxMs, rows: Number(baseline.result.rows[0]?.n) },
        loads,
        targetMs: TARGET_MS,
      };
    } finally {
      await close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) console.log(JSON.stringify(await benchDashboard(), null, 2));
