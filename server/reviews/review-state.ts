// Reading reviews: one version's review with its comment thread, and the reviewers' queue.
import type { Kysely } from 'kysely';
import type { ReviewQueueItem, ReviewState } from '../../shared/index.ts';
import { loadActors } from '../accounts/actors.ts';
import type { Database, ReviewRowStatus } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { isApproved } from '../versioning/approval.ts';

export async function getReview(db: Kysely<Database>, versionId: string): Promise<Result<ReviewState>> {
  const version = await db.selectFrom('versions').select(['id', 'flow_id', 'number', 'content_hash']).where('id', '=', versionId).executeTakeFirst();
  if (!version) return fail('NOT_FOUND', 'There is no such version.');
  const review = await db.selectFrom('reviews').selectAll().where('version_id', '=', versionId).executeTakeFirst();
  const events = await db.selectFrom('review_events').selectAll().where('version_id', '=', versionId).orderBy('id').execute();
  const actors = await loadActors(db, [review?.requested_by ?? null, review?.decided_by ?? null, ...events.map((e) => e.author_id)]);
  return ok({
    versionId,
    flowId: version.flow_id,
    number: Number(version.number),
    status: review?.status ?? 'none',
    approved: await isApproved(db, version),
    requestedBy: actors(review?.requested_by ?? null),
    requestedAt: review?.requested_at ?? null,
    decidedBy: actors(review?.decided_by ?? null),
    decidedAt: review?.decided_at ?? null,
    events: events.map((e) => ({
      id: Number(e.id),
      kind: e.kind,
      author: actors(e.author_id),
      body: e.body,
      path: e.path,
      contentHash: e.content_hash,
      createdAt: e.created_at,
    })),
  });
}

export async function listReviewQueue(
  db: Kysely<Database>,
  o: { status: ReviewRowStatus; flowId?: string | undefined; limit: number },
): Promise<ReviewQueueItem[]> {
  let query = db
    .selectFrom('reviews as r')
    .innerJoin('versions as v', 'v.id', 'r.version_id')
    .innerJoin('flows as f', 'f.id', 'v.flow_id')
    .leftJoin('versions as p', 'p.id', 'v.parent_id')
    .select([
      'v.id',
      'v.flow_id',
      'f.name as flow_name',
      'v.number',
      'v.message',
      'v.author_id',
      'v.policy_hash',
      'p.policy_hash as parent_policy_hash',
      'r.status',
      'r.requested_by',
      'r.requested_at',
    ])
    .where('r.status', '=', o.status)
    .orderBy('r.requested_at', 'desc')
    .limit(o.limit);
  if (o.flowId !== undefined) query = query.where('v.flow_id', '=', o.flowId);
  const rows = await query.execute();
  const actors = await loadActors(db, rows.flatMap((r) => [r.author_id, r.requested_by]));
  return rows.map((r) => ({
    versionId: r.id,
    flowId: r.flow_id,
    flowName: r.flow_name,
    number: Number(r.number),
    message: r.message,
    author: actors(r.author_id),
    status: r.status,
    requestedBy: actors(r.requested_by),
    requestedAt: r.requested_at,
    policyChanged: r.parent_policy_hash === null || r.parent_policy_hash !== r.policy_hash,
  }));
}
