// The Database interface Kysely types every query against: one table type per table. Timestamps
// are ISO 8601 UTC text and documents are canonical JSON text on both SQLite and PostgreSQL.
import type { Generated, Selectable } from 'kysely';
import type { Environment, Priority, Role } from '../../shared/index.ts';
import type { WebhookEvent } from '../../shared/api/site-settings.ts';

export interface UsersTable {
  id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash` (see password-hash.ts). */
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role: Role;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  id: string;
  user_id: string;
  /** SHA-256 of the CSRF token bound to this session. */
  csrf_hash: string;
  created_at: string;
  expires_at: string;
  ip: string;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
}

export interface FlowsTable {
  id: string;
  name: string;
  created_at: string;
  created_by: string | null;
}

export interface DraftsTable {
  flow_id: string;
  /** The draft as the designer saved it (may be invalid): JSON text. */
  document: string;
  revision: number;
  /** Revision of the draft when it was last committed (0: never). */
  committed_revision: number;
  base_version_id: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface DraftContributorsTable {
  flow_id: string;
  user_id: string;
}

export interface VersionsTable {
  id: string;
  flow_id: string;
  number: number;
  /** Canonical JSON of the parsed document, positions included. */
  document: string;
  /** SHA-256 of the canonical document without node positions. */
  content_hash: string;
  /** SHA-256 of the review-relevant projection: settings, escalation rules, handoff nodes and edges into them. */
  policy_hash: string;
  author_id: string | null;
  message: string;
  parent_id: string | null;
  created_at: string;
  /** The knowledge-base version the flow names (`knowledge.base`) was committed with (0007); null without one. Part of the content hash. */
  knowledge_version_id: string | null;
}

export interface VersionAuthorsTable {
  version_id: string;
  user_id: string;
}

export type ReviewRowStatus = 'pending' | 'approved' | 'rejected';

export interface ReviewsTable {
  version_id: string;
  status: ReviewRowStatus;
  requested_by: string | null;
  requested_at: string | null;
  /** Null with a decision means the system decided (seeding). */
  decided_by: string | null;
  decided_at: string | null;
  /** The content hash the decision was made on. */
  decided_hash: string | null;
}

export type ReviewEventKind = 'request' | 'comment' | 'approve' | 'reject';

export interface ReviewEventsTable {
  id: Generated<number>;
  version_id: string;
  author_id: string | null;
  kind: ReviewEventKind;
  body: string;
  path: string | null;
  content_hash: string;
  created_at: string;
}

export interface DeploymentsTable {
  id: Generated<number>;
  flow_id: string;
  environment: Environment;
  version_id: string;
  kind: 'deploy' | 'rollback';
  replaced_version_id: string | null;
  deployed_by: string | null;
  deployed_at: string;
  note: string;
}

export interface SitesTable {
  id: string;
  name: string;
  created_at: string;
  created_by: string | null;
}

export interface SiteKeysTable {
  id: string;
  site_id: string;
  environment: Environment;
  /** SHA-256 of the key. */
  key_hash: string;
  prefix: string;
  label: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  /** Canonical JSON object. */
  details: string;
  prev_hash: string;
  hash: string;
}

/** One row (id = 1): the newest audit entry, updated in the same transaction as each append. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

// Site runtime (issue 5): conversations, their events and turns, handoffs, per-site settings,
// webhooks with their deliveries, and trained intent models.

export type ConversationRowStatus = 'active' | 'escalated' | 'ended';

export interface ConversationsTable {
  /** `conv_` + creation time + 144 random bits (start-conversation.ts): also the capability a widget holds. */
  id: string;
  site_id: string;
  environment: Environment;
  flow_id: string;
  /** The version deployed when the conversation started; it stays on it. */
  version_id: string;
  status: ConversationRowStatus;
  outcome: 'resolved' | 'abandoned' | null;
  /** The engine's ConversationState as JSON text. */
  state: string;
  /** Bumped by every committed change; writers update only the revision they read. */
  revision: number;
  /** Seq of the newest conversation_events row. */
  last_seq: number;
  /** The `sub` of signed customer data (null when unsigned); for data-subject requests. */
  customer_id: string | null;
  /** 1 when the customer fields came from a valid signed token. */
  customer_verified: number;
  channel: string;
  locale: string;
  csat_score: number | null;
  csat_comment: string | null;
  created_at: string;
  updated_at: string;
}

export type ConversationEventType = 'message' | 'status' | 'csat';

export interface ConversationEventsTable {
  id: Generated<number>;
  conversation_id: string;
  /** 1, 2, 3… per conversation: the SSE event id. */
  seq: number;
  type: ConversationEventType;
  /** JSON text; its shape depends on `type` (server/site-api/conversations/conversation-event.ts). */
  payload: string;
  created_at: string;
}

export interface TurnsTable {
  id: Generated<number>;
  conversation_id: string;
  /** The client's key; `start turn` (with a space, which client keys cannot contain) for the opening turn. Unique per conversation. */
  idempotency_key: string;
  kind: 'start' | 'message' | 'request_human';
  /** SHA-256 of the request, so a reused key with a different body is refused. */
  request_hash: string;
  /** The JSON response sent for this turn, replayed on retries. */
  response: string;
  /** The engine's traces for this turn (JSON array). */
  trace: string;
  created_at: string;
}

export interface HandoffsTable {
  id: string;
  conversation_id: string;
  site_id: string;
  flow_id: string;
  version_id: string;
  queue: string;
  priority: Priority;
  /** 0 (low) … 3 (urgent), for ordering the queue. */
  priority_rank: number;
  status: 'waiting' | 'assigned' | 'resolved';
  /** The handoff package (shared/handoff.ts) as JSON text. */
  package: string;
  created_at: string;
  claimed_by: string | null;
  claimed_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  /** `handed_back`: the agent returned the conversation to the bot (server/inbox/hand-back.ts). */
  outcome: 'resolved' | 'abandoned' | 'handed_back' | null;
}

export interface SiteSettingsTable {
  site_id: string;
  /** JSON array of origins; empty allows any. */
  allowed_origins: string;
  /** HMAC key for signed customer data; null when the site signs nothing. */
  signing_secret: string | null;
  /** Days a conversation is kept after its last change; null keeps them. */
  retention_days: number | null;
  updated_at: string;
}

export interface SiteActionsTable {
  site_id: string;
  action: string;
  url: string;
  /** HMAC key Switchboard signs action calls with. */
  secret: string;
  updated_at: string;
}

export interface SiteWebhooksTable {
  id: string;
  site_id: string;
  url: string;
  secret: string;
  /** JSON array of event names. */
  events: string;
  created_at: string;
  removed_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  site_id: string;
  event: WebhookEvent;
  /** The exact body sent (and signed) on every attempt. */
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  /** When the next attempt is due; null once delivered or failed. */
  next_attempt_at: string | null;
  /** A dispatcher holding the delivery until then; others skip it. */
  lease_until: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  attempt: number;
  at: string;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
}

export interface IntentModelsTable {
  /** SHA-256 of the trainer format, locale and training examples. */
  key: string;
  locale: string;
  /** The classifier's toJSON() as JSON text. */
  model: string;
  training_ms: number;
  created_at: string;
}

export type SuggestionStatus = 'open' | 'added' | 'dismissed';

/** One agent verdict per handoff (issue 7). */
export interface HandoffLabelsTable {
  handoff_id: string;
  conversation_id: string;
  /** 1 when a human was needed, 0 when the bot should have handled it. */
  escalation_needed: number;
  /** The intent the customer meant, when the bot misunderstood; else null. */
  correct_intent: string | null;
  /** The customer message that was misunderstood: the suggested training example. */
  example_text: string | null;
  /** null when there is no suggestion (no correct_intent). */
  suggestion_status: SuggestionStatus | null;
  labelled_by: string;
  labelled_at: string;
}

/** A replay-before-publish report (issue 7); see runtime/evaluation/compare-versions.ts. */
export interface ReplayReportsTable {
  id: string;
  flow_id: string;
  /** Null when the candidate was the draft (such a report cannot be attached to a review). */
  candidate_version_id: string | null;
  /** The version that was live in `environment` when the replay ran. */
  baseline_version_id: string;
  environment: Environment;
  /** Where the conversations came from, in words ("500 newest stored conversations…", "labelled.csv (120 rows)"). */
  source: string;
  /** The ReplayReport (shared/api/replays.ts) as JSON text. */
  report: string;
  created_by: string | null;
  created_at: string;
  /** Set when attached to the candidate's review request; a version shows its newest attached report. */
  attached_by: string | null;
  attached_at: string | null;
}

/** The conversation dimensions the dashboard filters by, copied onto its facts rows (they never change). */
interface ConversationDimensions {
  conversation_id: string;
  site_id: string;
  flow_id: string;
  version_id: string;
  channel: string;
  /** When the conversation started: the dashboard's period is about conversations started in it. */
  conversation_created_at: string;
}

/** What the dashboard needs of a handoff, kept small so it is read without the package (issue 7, migration 0005). */
export interface HandoffFactsTable extends ConversationDimensions {
  handoff_id: string;
  queue: string;
  created_at: string;
  /** The intent the bot acted on when it escalated (package intent.name); null when none. */
  intent: string | null;
  /** When an agent first wrote to the customer after this handoff; null until then. */
  first_response_at: string | null;
}

/** One row per reason in a handoff package (a handoff has one or more). */
export interface HandoffReasonsTable extends ConversationDimensions {
  handoff_id: string;
  queue: string;
  source: 'rule' | 'node' | 'system';
  /** The rule or node id; '' for system reasons. */
  source_id: string;
  /** The reason code (e.g. high_financial_risk). */
  reason: string;
  /** The rule's or node's name as designers see it. */
  name: string;
}

/** A knowledge base (issue 8): its draft and versions hang off it. */
export interface KnowledgeBasesTable {
  id: string;
  name: string;
  created_at: string;
  created_by: string | null;
}

export interface KnowledgeDraftsTable {
  kb_id: string;
  /** The draft knowledge-base document (always valid: every edit is checked): JSON text. */
  document: string;
  revision: number;
  /** Revision of the draft when it was last committed (0: never). */
  committed_revision: number;
  /** The version the draft was last committed as (null: never). */
  base_version_id: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface KnowledgeVersionsTable {
  id: string;
  kb_id: string;
  number: number;
  /** Canonical JSON of the parsed document. */
  document: string;
  /** SHA-256 of the canonical document. */
  content_hash: string;
  article_count: number;
  /** The built search index (`index.toJSON()`) as JSON text: loaded by the site runtime, never rebuilt. */
  search_index: string;
  author_id: string | null;
  message: string;
  parent_id: string | null;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  flows: FlowsTable;
  drafts: DraftsTable;
  draft_contributors: DraftContributorsTable;
  versions: VersionsTable;
  version_authors: VersionAuthorsTable;
  reviews: ReviewsTable;
  review_events: ReviewEventsTable;
  deployments: DeploymentsTable;
  sites: SitesTable;
  site_keys: SiteKeysTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  conversations: ConversationsTable;
  conversation_events: ConversationEventsTable;
  turns: TurnsTable;
  handoffs: HandoffsTable;
  site_settings: SiteSettingsTable;
  site_actions: SiteActionsTable;
  site_webhooks: SiteWebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  intent_models: IntentModelsTable;
  handoff_labels: HandoffLabelsTable;
  replay_reports: ReplayReportsTable;
  handoff_facts: HandoffFactsTable;
  handoff_reasons: HandoffReasonsTable;
  knowledge_bases: KnowledgeBasesTable;
  knowledge_drafts: KnowledgeDraftsTable;
  knowledge_versions: KnowledgeVersionsTable;
}

export type VersionRow = Selectable<VersionsTable>;
export type UserRow = Selectable<UsersTable>;
