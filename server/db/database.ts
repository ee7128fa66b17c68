// The Database interface Kysely types every query against: one table type per table. Timestamps
// are ISO 8601 UTC text and documents are canonical JSON text on both SQLite and PostgreSQL.
import type { Generated, Selectable } from 'kysely';
import type { Environment, Role } from '../../shared/index.ts';

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
}

export type VersionRow = Selectable<VersionsTable>;
export type UserRow = Selectable<UsersTable>;
