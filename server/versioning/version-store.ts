// Reading versions: the newest-first list (without documents, so 1,000 rows stay fast) and one
// version in full. Each summary carries its review state, effective approval and where it is live.
import type { Kysely } from 'kysely';
import type { Environment, ReviewStatus, VersionDetail, VersionSummary } from '../../shared/index.ts';
import { loadActors, type ActorLookup } from '../accounts/actors.ts';
import type { Database, ReviewRowStatus } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { currentDeployments } from '../deployments/current-deployments.ts';
import { findIndependentApproval, flowApprovals, flowVersionAuthors, type ApprovalRecord } from './approval.ts';
import { parseStoredDocument } from './stored-document.ts';

interface SummaryRow {
  id: string;
  flow_id: string;
  number: number;
  message: string;
  author_id: string | null;
  created_at: string;
  parent_id: string | null;
  content_hash: string;
  policy_hash: string;
  parent_policy_hash: string | null;
  review_status: ReviewRowStatus | null;
  knowledge_version_id: string | null;
  knowledge_kb_id: string | null;
  knowledge_number: number | null;
}

interface FlowContext {
  approvals: ApprovalRecord[];
  authors: Map<string, Set<string>>;
  liveIn: Map<string, Environment[]>;
  actors: ActorLookup;
}

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('versions as v')
    .leftJoin('versions as p', 'p.id', 'v.parent_id')
    .leftJoin('reviews as r', 'r.version_id', 'v.id')
    .leftJoin('knowledge_versions as kv', 'kv.id', 'v.knowledge_version_id')
    .select([
      'v.knowledge_version_id',
      'kv.kb_id as knowledge_kb_id',
      'kv.number as knowledge_number',
      'v.id',
      'v.flow_id',
      'v.number',
      'v.message',
      'v.author_id',
      'v.created_at',
      'v.parent_id',
      'v.content_hash',
      'v.policy_hash',
      'p.policy_hash as parent_policy_hash',
      'r.status as review_status',
    ]);
}

async function flowContext(db: Kysely<Database>, flowId: string, authorIds: Iterable<string | null>): Promise<FlowContext> {
  const [approvals, authors, deployments, actors] = await Promise.all([
    flowApprovals(db, flowId),
    flowVersionAuthors(db, flowId),
    currentDeployments(db, flowId),
    loadActors(db, authorIds),
  ]);
  const liveIn = new Map<string, Environment[]>();
  for (const d of deployments) liveIn.set(d.version_id, [...(liveIn.get(d.version_id) ?? []), d.environment]);
  return { approvals, authors, liveIn, actors };
}

function summarize(row: SummaryRow, c: FlowContext): VersionSummary {
  return {
    id: row.id,
    flowId: row.flow_id,
    number: Number(row.number),
    message: row.message,
    author: c.actors(row.author_id),
    createdAt: row.created_at,
    parentId: row.parent_id,
    contentHash: row.content_hash,
    policyChanged: row.parent_policy_hash === null || row.parent_policy_hash !== row.policy_hash,
    reviewStatus: (row.review_status ?? 'none') satisfies ReviewStatus,
    approved: findIndependentApproval(c.approvals, row.content_hash, c.authors.get(row.id) ?? new Set()) !== undefined,
    liveIn: (c.liveIn.get(row.id) ?? []).sort(),
    knowledge:
      row.knowledge_version_id && row.knowledge_kb_id
        ? { kbId: row.knowledge_kb_id, versionId: row.knowledge_version_id, number: Number(row.knowledge_number) }
        : null,
  };
}

export interface ListVersionsOptions {
  flowId: string;
  /** Default 100. */
  limit?: number;
  beforeNumber?: number | undefined;
}

/** Versions of a flow, newest first. NOT_FOUND for an unknown flow. */
export async function listVersions(db: Kysely<Database>, o: ListVersionsOptions): Promise<Result<VersionSummary[]>> {
  const flow = await db.selectFrom('flows').select('id').where('id', '=', o.flowId).executeTakeFirst();
  if (!flow) return fail('NOT_FOUND', `There is no flow "${o.flowId}".`);
  let query = summaryQuery(db).where('v.flow_id', '=', o.flowId).orderBy('v.number', 'desc').limit(o.limit ?? 100);
  if (o.beforeNumber !== undefined) query = query.where('v.number', '<', o.beforeNumber);
  const rows = await query.execute();
  const context = await flowContext(db, o.flowId, rows.map((r) => r.author_id));
  return ok(rows.map((r) => summarize(r, context)));
}

/** One version's summary, or NOT_FOUND. */
export async function getVersionSummary(db: Kysely<Database>, versionId: string): Promise<Result<VersionSummary>> {
  const row = await summaryQuery(db).where('v.id', '=', versionId).executeTakeFirst();
  if (!row) return fail('NOT_FOUND', 'There is no such version.');
  return ok(summarize(row, await flowContext(db, row.flow_id, [row.author_id])));
}

/** One version with its document (parsed again) and its authors. */
export async function getVersionDetail(db: Kysely<Database>, versionId: string): Promise<Result<VersionDetail>> {
  const summary = await getVersionSummary(db, versionId);
  if (!summary.ok) return summary;
  const row = await db.selectFrom('versions').select(['id', 'document']).where('id', '=', versionId).executeTakeFirstOrThrow();
  const document = parseStoredDocument(row);
  const authorRows = await db.selectFrom('version_authors').select('user_id').where('version_id', '=', versionId).execute();
  const actors = await loadActors(db, authorRows.map((r) => r.user_id));
  const authors = authorRows.map((r) => actors(r.user_id));
  return ok({ ...summary.value, authors: authors.length ? authors : [null], document: document as unknown as Record<string, unknown> });
}
