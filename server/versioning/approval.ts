// Who counts as an author of a version, and whether an independent approval of its exact content
// exists. These two rules are the four-eyes principle; docs/server.md states them in prose.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

export interface ApprovalRecord {
  versionId: string;
  /** The content hash the reviewer approved. */
  contentHash: string;
  /** Null: the system (seeded flows). */
  decidedBy: string | null;
}

/** Every approval given on any version of a flow. */
export async function flowApprovals(db: Kysely<Database>, flowId: string): Promise<ApprovalRecord[]> {
  const rows = await db
    .selectFrom('reviews')
    .innerJoin('versions', 'versions.id', 'reviews.version_id')
    .select(['reviews.version_id', 'reviews.decided_hash', 'reviews.decided_by'])
    .where('versions.flow_id', '=', flowId)
    .where('reviews.status', '=', 'approved')
    .execute();
  return rows.map((r) => ({ versionId: r.version_id, contentHash: r.decided_hash ?? '', decidedBy: r.decided_by }));
}

/** Authors of one version: its committer, every draft contributor, and unapproved ancestors' authors. */
export async function versionAuthors(db: Kysely<Database>, versionId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('version_authors').select('user_id').where('version_id', '=', versionId).execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Authors of every version of a flow, by version id. */
export async function flowVersionAuthors(db: Kysely<Database>, flowId: string): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('version_authors')
    .innerJoin('versions', 'versions.id', 'version_authors.version_id')
    .select(['version_authors.version_id', 'version_authors.user_id'])
    .where('versions.flow_id', '=', flowId)
    .execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.version_id) ?? new Set<string>();
    set.add(r.user_id);
    out.set(r.version_id, set);
  }
  return out;
}

/**
 * The approval that makes content deployable: one bound to the same content hash (in this flow),
 * given by someone who is not among the version's authors. Layout-only versions share the hash
 * of what was approved, so moving nodes keeps an approval; any content change loses it.
 */
export function findIndependentApproval(approvals: readonly ApprovalRecord[], contentHash: string, authors: ReadonlySet<string>): ApprovalRecord | undefined {
  return approvals.find((a) => a.contentHash === contentHash && (a.decidedBy === null || !authors.has(a.decidedBy)));
}

/** Whether a stored version has an independent approval (see findIndependentApproval). */
export async function isApproved(db: Kysely<Database>, version: { id: string; flow_id: string; content_hash: string }): Promise<boolean> {
  const [approvals, authors] = await Promise.all([flowApprovals(db, version.flow_id), versionAuthors(db, version.id)]);
  return findIndependentApproval(approvals, version.content_hash, authors) !== undefined;
}
