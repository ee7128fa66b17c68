// Migration 0005_dashboard on a database that already holds conversations and handoffs: the facts,
// reasons, first agent replies and the handed_off flag are backfilled, so existing conversations
// count on the dashboard exactly like new ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFilter } from '../../shared/api/dashboard.ts';
import { migrations } from '../../server/db/migrations.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { openDatabase, type OpenedDatabase } from '../../server/db/open-database.ts';
import { queryAggregates } from '../../server/dashboard/dashboard-queries.ts';
import { aggregatesOf, figuresOf } from '../../server/dashboard/metric-definitions.ts';
import { facts, handoffs, period } from './fixture.ts';

describe('migration 0005_dashboard backfills existing data', () => {
  let dir: string;
  let opened: OpenedDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-dashboard-migration-'));
    opened = openDatabase(join(dir, 'old.db'));
    const before = Object.fromEntries(Object.entries(migrations(opened.dialect)).filter(([name]) => name < '0005_dashboard'));
    const { error } = await new Migrator({ db: opened.db, provider: { getMigrations: async () => before } }).migrateToLatest();
    if (error) throw error;
    const { db } = opened;
    const at = '2026-11-01T00:00:00.000Z';
    await db.insertInto('users').values({ id: 'usr_alex', email: 'alex@example.com', name: 'Alex', password_hash: 'x', disabled_at: null, created_at: at }).execute();
    await db.insertInto('sites').values({ id: 'acme', name: 'Acme', created_at: at, created_by: null }).execute();
    await db.insertInto('flows').values({ id: 'banking', name: 'Banking', created_at: at, created_by: null }).execute();
    for (const [id, number] of [['ver_v1', 1], ['ver_v2', 2]] as const) {
      await db.insertInto('versions').values({ id, flow_id: 'banking', number, document: '{}', content_hash: 'x', policy_hash: 'x', author_id: null, message: '', parent_id: null, created_at: at }).execute();
    }
    for (const c of facts.conversations) {
      await db
        .insertInto('conversations')
        .values({
          id: c.id, site_id: c.siteId, environment: 'production', flow_id: c.flowId, version_id: c.versionId, status: c.status, outcome: null, state: '{}', revision: 1, last_seq: 0,
          customer_id: c.customerId, customer_verified: 0, channel: c.channel, locale: 'en', csat_score: c.csatScore, csat_comment: null, created_at: c.createdAt, updated_at: c.createdAt,
        })
        .execute();
    }
    let seq = 0;
    for (const h of handoffs) {
      const c = facts.conversations.find((x) => x.id === h.conversationId)!;
      const pkg = {
        schemaVersion: 1, conversationId: c.id, flow: { id: c.flowId, version: c.versionId }, queue: h.queue, priority: 'normal',
        reasons: h.reasons.map((r) => ({ source: r.source, ...(r.sourceId ? { id: r.sourceId } : {}), name: r.name, reason: r.reason, priority: 'normal', queue: h.queue, tags: [] })),
        intent: h.intent === null ? null : { name: h.intent, confidence: 0.8, alternatives: [] }, variables: {}, customer: {}, tags: [], summary: 's', transcript: [],
        channel: c.channel, locale: 'en', startedAt: 0, escalatedAt: 0,
      };
      await db
        .insertInto('handoffs')
        .values({
          id: h.id, conversation_id: c.id, site_id: c.siteId, flow_id: c.flowId, version_id: c.versionId, queue: h.queue, priority: 'normal', priority_rank: 1,
          status: h.resolvedAt ? 'resolved' : 'waiting', package: JSON.stringify(pkg), created_at: h.createdAt, claimed_by: null, claimed_at: null, resolved_by: null,
          resolved_at: h.resolvedAt, outcome: h.resolvedAt ? 'resolved' : null,
        })
        .execute();
      // A customer message after the handoff does not count; the agent's first message does.
      const events = [
        { role: 'customer', at: '2026-11-02T09:46:00.000Z' },
        ...(h.firstResponseAt ? [{ role: 'agent', at: h.firstResponseAt }, { role: 'agent', at: '2026-11-05T00:00:00.000Z' }] : []),
      ];
      for (const e of events) {
        if (e.at < h.createdAt && e.role === 'customer') continue;
        await db
          .insertInto('conversation_events')
          .values({ conversation_id: c.id, seq: ++seq, type: 'message', payload: JSON.stringify({ type: 'message', role: e.role, text: 'hi', author: null, at: e.at }), created_at: e.at })
          .execute();
      }
      if (h.escalationNeeded !== null) {
        await db
          .insertInto('handoff_labels')
          .values({ handoff_id: h.id, conversation_id: c.id, escalation_needed: h.escalationNeeded ? 1 : 0, correct_intent: null, example_text: null, suggestion_status: null, labelled_by: 'usr_alex', labelled_at: at })
          .execute();
      }
    }
    await migrateToLatest(opened.db, opened.dialect);
  });

  afterAll(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same aggregates as data written after the migration', async () => {
    const filter = dashboardFilter.parse(period);
    const fromSql = await queryAggregates(opened.db, opened.dialect, filter);
    const reference = aggregatesOf(facts, filter);
    expect(figuresOf(fromSql, filter)).toEqual(figuresOf(reference, filter));
  });
});
