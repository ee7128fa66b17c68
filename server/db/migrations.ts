// The one set of migrations, in code (no migration folder to ship), written once for both
// dialects; only auto-increment ids differ.
import { sql, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';
import type { DialectName } from './dialect-name.ts';
import { createDashboardTables } from '../dashboard/dashboard-migration.ts';
import { addReturnFlag } from '../dashboard/repeat-contact.ts';

/** Migrations by name; Kysely runs them in name order. */
export function migrations(dialect: DialectName): Record<string, Migration> {
  const autoId = <T extends string>(table: CreateTableBuilder<T, never>) =>
    dialect === 'postgres'
      ? table.addColumn('id', 'serial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  return {
    '0001_studio': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('disabled_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('user_roles')
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('csrf_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('ip', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
        await autoId(db.schema.createTable('login_failures'))
          .addColumn('email', 'text', (c) => c.notNull())
          .addColumn('ip', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('login_failures_key').on('login_failures').columns(['email', 'ip', 'at']).execute();
        await db.schema.createIndex('login_failures_ip').on('login_failures').columns(['ip', 'at']).execute();

        await db.schema
          .createTable('flows')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.references('users.id'))
          .execute();
        await db.schema
          .createTable('versions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
          .addColumn('number', 'integer', (c) => c.notNull())
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('policy_hash', 'text', (c) => c.notNull())
          .addColumn('author_id', 'text', (c) => c.references('users.id'))
          .addColumn('message', 'text', (c) => c.notNull())
          .addColumn('parent_id', 'text', (c) => c.references('versions.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('versions_flow_number', ['flow_id', 'number'])
          .execute();
        await db.schema.createIndex('versions_flow_hash').on('versions').columns(['flow_id', 'content_hash']).execute();
        await db.schema
          .createTable('version_authors')
          .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addPrimaryKeyConstraint('version_authors_pk', ['version_id', 'user_id'])
          .execute();
        await db.schema
          .createTable('drafts')
          .addColumn('flow_id', 'text', (c) => c.primaryKey().references('flows.id').onDelete('cascade'))
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('committed_revision', 'integer', (c) => c.notNull())
          .addColumn('base_version_id', 'text', (c) => c.references('versions.id'))
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.references('users.id'))
          .execute();
        await db.schema
          .createTable('draft_contributors')
          .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addPrimaryKeyConstraint('draft_contributors_pk', ['flow_id', 'user_id'])
          .execute();

        await db.schema
          .createTable('reviews')
          .addColumn('version_id', 'text', (c) => c.primaryKey().references('versions.id').onDelete('cascade'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('requested_by', 'text', (c) => c.references('users.id'))
          .addColumn('requested_at', 'text')
          .addColumn('decided_by', 'text', (c) => c.references('users.id'))
          .addColumn('decided_at', 'text')
          .addColumn('decided_hash', 'text')
          .execute();
        await db.schema.createIndex('reviews_status').on('reviews').column('status').execute();
        await autoId(db.schema.createTable('review_events'))
          .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id').onDelete('cascade'))
          .addColumn('author_id', 'text', (c) => c.references('users.id'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('path', 'text')
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('review_events_version').on('review_events').columns(['version_id', 'id']).execute();

        await autoId(db.schema.createTable('deployments'))
          .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
          .addColumn('environment', 'text', (c) => c.notNull())
          .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('replaced_version_id', 'text', (c) => c.references('versions.id'))
          .addColumn('deployed_by', 'text', (c) => c.references('users.id'))
          .addColumn('deployed_at', 'text', (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('deployments_flow_env').on('deployments').columns(['flow_id', 'environment', 'id']).execute();

        await db.schema
          .createTable('sites')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.references('users.id'))
          .execute();
        await db.schema
          .createTable('site_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
          .addColumn('environment', 'text', (c) => c.notNull())
          .addColumn('key_hash', 'text', (c) => c.notNull().unique())
          .addColumn('prefix', 'text', (c) => c.notNull())
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.references('users.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
          .execute();

        await db.schema
          .createTable('audit_log')
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text')
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target_type', 'text', (c) => c.notNull())
          .addColumn('target_id', 'text', (c) => c.notNull())
          .addColumn('details', 'text', (c) => c.notNull())
          .addColumn('prev_hash', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('audit_head')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
      },
    },
    '0002_site_runtime': {
      // Conversations with their events and turns, handoffs, per-site settings, webhooks and
      // trained intent models (issue 5, docs/site-api.md).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('conversations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
          .addColumn('environment', 'text', (c) => c.notNull())
          .addColumn('flow_id', 'text', (c) => c.notNull())
          .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text')
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('last_seq', 'integer', (c) => c.notNull())
          .addColumn('customer_id', 'text')
          .addColumn('customer_verified', 'integer', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('csat_score', 'integer')
          .addColumn('csat_comment', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('conversations_site').on('conversations').columns(['site_id', 'created_at']).execute();
        await db.schema.createIndex('conversations_customer').on('conversations').column('customer_id').execute();
        await autoId(db.schema.createTable('conversation_events'))
          .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('conversation_events_seq', ['conversation_id', 'seq'])
          .execute();
        await autoId(db.schema.createTable('turns'))
          .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
          .addColumn('idempotency_key', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('request_hash', 'text', (c) => c.notNull())
          .addColumn('response', 'text', (c) => c.notNull())
          .addColumn('trace', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('turns_idempotency', ['conversation_id', 'idempotency_key'])
          .execute();
        await db.schema
          .createTable('handoffs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
          .addColumn('site_id', 'text', (c) => c.notNull())
          .addColumn('flow_id', 'text', (c) => c.notNull())
          .addColumn('version_id', 'text', (c) => c.notNull())
          .addColumn('queue', 'text', (c) => c.notNull())
          .addColumn('priority', 'text', (c) => c.notNull())
          .addColumn('priority_rank', 'integer', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('package', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('claimed_by', 'text', (c) => c.references('users.id'))
          .addColumn('claimed_at', 'text')
          .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
          .addColumn('resolved_at', 'text')
          .addColumn('outcome', 'text')
          .execute();
        await db.schema.createIndex('handoffs_queue').on('handoffs').columns(['status', 'queue', 'priority_rank', 'created_at']).execute();
        await db.schema.createIndex('handoffs_conversation').on('handoffs').column('conversation_id').execute();

        await db.schema
          .createTable('site_settings')
          .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
          .addColumn('allowed_origins', 'text', (c) => c.notNull())
          .addColumn('signing_secret', 'text')
          .addColumn('retention_days', 'integer')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('site_actions')
          .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('secret', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('site_actions_pk', ['site_id', 'action'])
          .execute();
        await db.schema
          .createTable('site_webhooks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('secret', 'text', (c) => c.notNull())
          .addColumn('events', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('removed_at', 'text')
          .execute();
        await db.schema
          .createTable('webhook_deliveries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('webhook_id', 'text', (c) => c.notNull().references('site_webhooks.id').onDelete('cascade'))
          .addColumn('site_id', 'text', (c) => c.notNull())
          .addColumn('event', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('next_attempt_at', 'text')
          .addColumn('lease_until', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('completed_at', 'text')
          .execute();
        await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
        await db.schema.createIndex('webhook_deliveries_site').on('webhook_deliveries').columns(['site_id', 'created_at']).execute();
        await autoId(db.schema.createTable('webhook_attempts'))
          .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
          .addColumn('attempt', 'integer', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('duration_ms', 'integer', (c) => c.notNull())
          .addColumn('status_code', 'integer')
          .addColumn('error', 'text')
          .execute();
        await db.schema.createIndex('webhook_attempts_delivery').on('webhook_attempts').columns(['delivery_id', 'attempt']).execute();

        await db.schema
          .createTable('intent_models')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('model', 'text', (c) => c.notNull())
          .addColumn('training_ms', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0003_handoff_labels': {
      // The agent's verdict on an escalation (issue 7): was a human needed, and when the bot
      // misunderstood, which intent was right. Feeds escalation accuracy and training suggestions.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('handoff_labels')
          .addColumn('handoff_id', 'text', (c) => c.primaryKey().references('handoffs.id').onDelete('cascade'))
          .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
          .addColumn('escalation_needed', 'integer', (c) => c.notNull())
          .addColumn('correct_intent', 'text')
          .addColumn('example_text', 'text')
          .addColumn('suggestion_status', 'text')
          .addColumn('labelled_by', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('labelled_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('handoff_labels_conversation').on('handoff_labels').column('conversation_id').execute();
        await db.schema.createIndex('handoff_labels_suggestions').on('handoff_labels').columns(['suggestion_status', 'labelled_at']).execute();
      },
    },
    '0006_replay_reports': {
      // Replay before publish (issue 7): a candidate version (null: the draft) replayed against the
      // version deployed in an environment, and whether it is attached to its review request.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('replay_reports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
          .addColumn('candidate_version_id', 'text', (c) => c.references('versions.id'))
          .addColumn('baseline_version_id', 'text', (c) => c.notNull().references('versions.id'))
          .addColumn('environment', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('report', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.references('users.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('attached_by', 'text', (c) => c.references('users.id'))
          .addColumn('attached_at', 'text')
          .execute();
        await db.schema.createIndex('replay_reports_flow').on('replay_reports').columns(['flow_id', 'created_at']).execute();
        await db.schema.createIndex('replay_reports_candidate').on('replay_reports').columns(['candidate_version_id', 'attached_at']).execute();
      },
    },
    '0005_dashboard': {
      // The operations dashboard (issue 7, docs/dashboard.md): per-handoff facts read from the
      // package once on write (intent, reasons) and the first agent reply, plus covering indexes
      // so a dashboard load never touches conversation state or package text. Backfilled here.
      async up(db: Kysely<unknown>) {
        await createDashboardTables(db);
      },
    },
    '0007_knowledge_bases': {
      // Knowledge bases versioned like flows (issue 8, docs/knowledge.md): a draft with a revision,
      // immutable numbered versions that carry their built search index, and on each flow version
      // the knowledge-base version it was committed (and so reviewed and tested) with.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('knowledge_bases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.references('users.id'))
          .execute();
        await db.schema
          .createTable('knowledge_drafts')
          .addColumn('kb_id', 'text', (c) => c.primaryKey().references('knowledge_bases.id').onDelete('cascade'))
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('committed_revision', 'integer', (c) => c.notNull())
          .addColumn('base_version_id', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.references('users.id'))
          .execute();
        await db.schema
          .createTable('knowledge_versions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kb_id', 'text', (c) => c.notNull().references('knowledge_bases.id').onDelete('cascade'))
          .addColumn('number', 'integer', (c) => c.notNull())
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('article_count', 'integer', (c) => c.notNull())
          .addColumn('search_index', 'text', (c) => c.notNull())
          .addColumn('author_id', 'text', (c) => c.references('users.id'))
          .addColumn('message', 'text', (c) => c.notNull())
          .addColumn('parent_id', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('knowledge_versions_number', ['kb_id', 'number'])
          .execute();
        await db.schema.alterTable('versions').addColumn('knowledge_version_id', 'text', (c) => c.references('knowledge_versions.id')).execute();
      },
    },
    '0008_dashboard_speed': {
      // Repeat contacts as a flag set when the customer returns (server/dashboard/repeat-contact.ts),
      // backfilled here, so a dashboard load counts flags instead of searching each conversation's next week.
      async up(db: Kysely<unknown>) {
        await addReturnFlag(db, dialect);
      },
    },
  };
}
