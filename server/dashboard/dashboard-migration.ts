// Migration 0005_dashboard, kept out of migrations.ts so that shared file gets one entry. Like every
// migration it must not change once shipped: databases in the field already ran it.
import type { Kysely } from 'kysely';
import { handoffFactsOf } from './handoff-facts.ts';

/** Creates the facts tables and covering indexes, then backfills facts for existing handoffs. */
export async function createDashboardTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handoff_facts')
    .addColumn('handoff_id', 'text', (c) => c.primaryKey().references('handoffs.id').onDelete('cascade'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('intent', 'text')
    .addColumn('first_response_at', 'text')
    .execute();
  await db.schema
    .createTable('handoff_reasons')
    .addColumn('handoff_id', 'text', (c) => c.notNull().references('handoffs.id').onDelete('cascade'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('handoff_reasons_handoff').on('handoff_reasons').columns(['handoff_id', 'source', 'source_id', 'reason', 'name']).execute();
  // Covering indexes: conversation rows carry the engine state and handoff rows the package, both
  // large enough to spill into overflow pages, so the dashboard reads only these.
  await db.schema
    .createIndex('conversations_dashboard')
    .on('conversations')
    .columns(['created_at', 'flow_id', 'version_id', 'channel', 'status', 'csat_score', 'customer_id', 'site_id', 'id'])
    .execute();
  await db.schema.createIndex('conversations_repeat').on('conversations').columns(['customer_id', 'site_id', 'created_at']).execute();
  await db.schema
    .createIndex('handoffs_dashboard')
    .on('handoffs')
    .columns(['conversation_id', 'queue', 'created_at', 'status', 'resolved_at', 'id'])
    .execute();
  await backfill(db as Kysely<BackfillTables>);
}

interface BackfillTables {
  handoffs: { id: string; conversation_id: string; package: string; created_at: string };
  conversation_events: { conversation_id: string; type: string; payload: string; created_at: string };
  handoff_facts: { handoff_id: string; conversation_id: string; intent: string | null; first_response_at: string | null };
  handoff_reasons: { handoff_id: string; conversation_id: string; source: string; source_id: string; reason: string; name: string };
}

/** Facts for handoffs stored before this migration, a page at a time. */
async function backfill(db: Kysely<BackfillTables>): Promise<void> {
  let after = '';
  for (;;) {
    const page = await db.selectFrom('handoffs').select(['id', 'conversation_id', 'package', 'created_at']).where('id', '>', after).orderBy('id').limit(500).execute();
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
      await db
        .insertInto('handoff_facts')
        .values({ handoff_id: h.id, conversation_id: h.conversation_id, intent: facts.intent, first_response_at: first?.created_at ?? null })
        .execute();
      if (facts.reasons.length > 0) {
        await db
          .insertInto('handoff_reasons')
          .values(facts.reasons.map((r) => ({ handoff_id: h.id, conversation_id: h.conversation_id, ...r })))
          .execute();
      }
    }
    after = page[page.length - 1]!.id;
  }
}
