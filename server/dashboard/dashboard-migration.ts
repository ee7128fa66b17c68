// Migration 0005_dashboard, kept out of migrations.ts so that shared file gets one entry. Like every
// migration it must not change once shipped: databases in the field already ran it.
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { handoffFactsOf } from './handoff-facts.ts';

/**
 * Creates the facts tables, the `conversations.handed_off` flag and covering indexes, then
 * backfills them from the handoffs and events already stored.
 */
export async function createDashboardTables(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('handed_off', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await withDimensions(db.schema.createTable('handoff_facts').addColumn('handoff_id', 'text', (c) => c.primaryKey().references('handoffs.id').onDelete('cascade')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('intent', 'text')
    .addColumn('first_response_at', 'text')
    .execute();
  await withDimensions(db.schema.createTable('handoff_reasons').addColumn('handoff_id', 'text', (c) => c.notNull().references('handoffs.id').onDelete('cascade')))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  // Covering indexes, period first: conversation rows carry the engine state and handoff rows the
  // package, both large enough to spill into overflow pages, so a dashboard load reads only these.
  await db.schema
    .createIndex('conversations_dashboard')
    .on('conversations')
    .columns(['created_at', 'flow_id', 'version_id', 'channel', 'status', 'handed_off', 'csat_score', 'customer_id', 'site_id'])
    .execute();
  await db.schema
    .createIndex('conversations_repeat')
    .on('conversations')
    .columns(['customer_id', 'site_id', 'created_at', 'flow_id', 'version_id', 'channel'])
    .execute();
  await db.schema
    .createIndex('handoff_facts_dashboard')
    .on('handoff_facts')
    .columns(['conversation_created_at', 'flow_id', 'version_id', 'channel', 'queue', 'created_at', 'first_response_at', 'intent', 'conversation_id', 'handoff_id'])
    .execute();
  await db.schema
    .createIndex('handoff_reasons_dashboard')
    .on('handoff_reasons')
    .columns(['conversation_created_at', 'flow_id', 'version_id', 'channel', 'queue', 'source', 'source_id', 'reason', 'name', 'handoff_id', 'conversation_id'])
    .execute();
  await db.schema.createIndex('handoff_reasons_handoff').on('handoff_reasons').column('handoff_id').execute();
  // Resolution time without reading the package: the handoff found by (conversation, id).
  await db.schema.createIndex('handoffs_dashboard').on('handoffs').columns(['conversation_id', 'id', 'resolved_at']).execute();
  await backfill(db as Kysely<BackfillTables>);
}

/** The conversation dimensions both facts tables carry (ConversationDimensions in db/database.ts), and the queue. */
function withDimensions<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, never> {
  return table
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('conversation_created_at', 'text', (c) => c.notNull())
    .addColumn('queue', 'text', (c) => c.notNull());
}

interface BackfillTables {
  conversations: { id: string; site_id: string; flow_id: string; version_id: string; channel: string; created_at: string; handed_off: number };
  handoffs: { id: string; conversation_id: string; queue: string; package: string; created_at: string };
  conversation_events: { conversation_id: string; type: string; payload: string; created_at: string };
  handoff_facts: Record<string, string | null> & { handoff_id: string };
  handoff_reasons: Record<string, string> & { handoff_id: string };
}

/** Facts for handoffs stored before this migration, a page at a time. */
async function backfill(db: Kysely<BackfillTables>): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ handed_off: 1 })
    .where('id', 'in', (q) => q.selectFrom('handoffs').select('conversation_id'))
    .execute();
  let after = '';
  for (;;) {
    const page = await db
      .selectFrom('handoffs as h')
      .innerJoin('conversations as c', 'c.id', 'h.conversation_id')
      .select(['h.id', 'h.conversation_id', 'h.queue', 'h.package', 'h.created_at', 'c.site_id', 'c.flow_id', 'c.version_id', 'c.channel', sql<string>`c.created_at`.as('conversation_created_at')])
      .where('h.id', '>', after)
      .orderBy('h.id')
      .limit(500)
      .execute();
    if (page.length === 0) return;
    for (const h of page) {
      const facts = handoffFactsOf(JSON.parse(h.package));
      const agentMessages = await db
        .selectFrom('conversation_events')
        .select(['payload', 'created_at'])
        .where('conversation_id', '=', h.conversation_id)
        .where('type', '=', 'message')
        .where('created_at', '>=', h.created_at)
        .where('payload', 'like', '%"role":"agent"%')
        .orderBy('created_at')
        .execute();
      const first = agentMessages.find((m) => (JSON.parse(m.payload) as { role?: string }).role === 'agent');
      const dims = {
        conversation_id: h.conversation_id,
        site_id: h.site_id,
        flow_id: h.flow_id,
        version_id: h.version_id,
        channel: h.channel,
        conversation_created_at: h.conversation_created_at,
        queue: h.queue,
      };
      await db
        .insertInto('handoff_facts')
        .values({ handoff_id: h.id, ...dims, created_at: h.created_at, intent: facts.intent, first_response_at: first?.created_at ?? null })
        .execute();
      if (facts.reasons.length > 0) {
        await db
          .insertInto('handoff_reasons')
          .values(facts.reasons.map((r) => ({ handoff_id: h.id, ...dims, ...r })))
          .execute();
      }
    }
    after = page[page.length - 1]!.id;
  }
}
