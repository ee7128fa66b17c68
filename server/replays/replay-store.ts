// Stored replay reports: read one, list a flow's, and attach one to its version's review request.
// A report is bound to the version it was computed for: attaching it to another version (or a
// draft report to any review) is refused, so a reviewer never reads a projection of other content.
import type { Kysely, Selectable } from 'kysely';
import { replayReportSchema, type ReplayRecord, type ReplaySummary } from '../../shared/index.ts';
import { loadActors } from '../accounts/actors.ts';
import type { ActorRef } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import type { Database, ReplayReportsTable } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';

type ReplayRow = Selectable<ReplayReportsTable>;

async function toRecords(db: Kysely<Database>, rows: ReplayRow[]): Promise<ReplayRecord[]> {
  const versionIds = [...new Set(rows.flatMap((r) => [r.baseline_version_id, ...(r.candidate_version_id ? [r.candidate_version_id] : [])]))];
  const numbers = new Map(
    versionIds.length ? (await db.selectFrom('versions').select(['id', 'number']).where('id', 'in', versionIds).execute()).map((v) => [v.id, Number(v.number)]) : [],
  );
  const actors = await loadActors(db, rows.map((r) => r.created_by));
  return rows.map((r) => ({
    id: r.id,
    flowId: r.flow_id,
    candidateVersionId: r.candidate_version_id,
    candidateNumber: r.candidate_version_id ? (numbers.get(r.candidate_version_id) ?? null) : null,
    baselineVersionId: r.baseline_version_id,
    baselineNumber: numbers.get(r.baseline_version_id) ?? 0,
    environment: r.environment,
    source: r.source,
    createdBy: actors(r.created_by),
    createdAt: r.created_at,
    // Parsed again on the way out: stored JSON is never trusted blindly.
    report: replayReportSchema.parse(JSON.parse(r.report)),
  }));
}

export async function getReplay(db: Kysely<Database>, replayId: string): Promise<Result<ReplayRecord>> {
  const row = await db.selectFrom('replay_reports').selectAll().where('id', '=', replayId).executeTakeFirst();
  if (!row) return fail('NOT_FOUND', 'There is no such replay report.');
  return ok((await toRecords(db, [row]))[0]!);
}

/** A flow's reports, newest first, optionally for one candidate version; headlines only. */
export async function listReplays(db: Kysely<Database>, o: { flowId: string; versionId?: string | undefined; limit: number }): Promise<ReplaySummary[]> {
  let query = db.selectFrom('replay_reports').selectAll().where('flow_id', '=', o.flowId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(o.limit);
  if (o.versionId !== undefined) query = query.where('candidate_version_id', '=', o.versionId);
  const records = await toRecords(db, await query.execute());
  return records.map(({ report, ...r }) => ({
    ...r,
    conversations: report.conversations,
    baselineEscalationRate: report.baseline.escalationRate,
    candidateEscalationRate: report.candidate.escalationRate,
  }));
}

/** The report attached to a version's review (the newest, when attached more than once), or null. */
export async function attachedReplay(db: Kysely<Database>, versionId: string): Promise<ReplayRecord | null> {
  const row = await db
    .selectFrom('replay_reports')
    .selectAll()
    .where('candidate_version_id', '=', versionId)
    .where('attached_at', 'is not', null)
    .orderBy('attached_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (await toRecords(db, [row]))[0]! : null;
}

/** Whether report `replayId` may be attached to the review of `versionId`; says why not. */
export async function checkAttachable(db: Kysely<Database>, replayId: string, version: { id: string; number: number }): Promise<Result<ReplayRow>> {
  const row = await db.selectFrom('replay_reports').selectAll().where('id', '=', replayId).executeTakeFirst();
  if (!row) return fail('NOT_FOUND', 'There is no such replay report.');
  if (row.candidate_version_id === null) {
    return fail('CONFLICT', `That replay report was computed for the draft, not for version ${Number(version.number)}; run the replay for version ${Number(version.number)} and attach that one.`);
  }
  if (row.candidate_version_id !== version.id) {
    const other = await db.selectFrom('versions').select('number').where('id', '=', row.candidate_version_id).executeTakeFirst();
    return fail(
      'CONFLICT',
      `That replay report was computed for version ${other ? Number(other.number) : '?'}, not version ${Number(version.number)}; run the replay for version ${Number(version.number)} and attach that one.`,
    );
  }
  return ok(row);
}

/** Marks a checked report attached, with an audit entry; call inside the caller's transaction. */
export async function markAttached(db: Kysely<Database>, o: { replay: ReplayRow; version: { id: string; flow_id: string; number: number }; actor: ActorRef; now: Date }): Promise<void> {
  await db.updateTable('replay_reports').set({ attached_by: o.actor.id, attached_at: o.now.toISOString() }).where('id', '=', o.replay.id).execute();
  await appendAudit(db, {
    actor: o.actor,
    action: 'review.attach_replay',
    targetType: 'version',
    targetId: o.version.id,
    details: { flowId: o.version.flow_id, number: Number(o.version.number), replayId: o.replay.id, baselineVersionId: o.replay.baseline_version_id },
    at: o.now,
  });
}

/** Attaches a report to the pending review request of the version it was computed for. */
export async function attachReplay(db: Kysely<Database>, o: { replayId: string; actor: ActorRef; now: Date }): Promise<Result<ReplayRecord>> {
  const row = await db.selectFrom('replay_reports').select('candidate_version_id').where('id', '=', o.replayId).executeTakeFirst();
  if (!row) return fail('NOT_FOUND', 'There is no such replay report.');
  if (row.candidate_version_id === null) return fail('CONFLICT', 'That replay report was computed for the draft, not a version; commit the draft, replay the new version and attach that report.');
  const version = await db.selectFrom('versions').select(['id', 'flow_id', 'number']).where('id', '=', row.candidate_version_id).executeTakeFirstOrThrow();
  const review = await db.selectFrom('reviews').select('status').where('version_id', '=', version.id).executeTakeFirst();
  const n = Number(version.number);
  if (!review) return fail('PRECONDITION_FAILED', `Version ${n} has no review request yet; request review and attach the report with it.`);
  if (review.status !== 'pending') return fail('PRECONDITION_FAILED', `The review of version ${n} is already ${review.status}; a report can only be attached while it waits for review.`);
  const checked = await checkAttachable(db, o.replayId, version);
  if (!checked.ok) return checked;
  await db.transaction().execute((trx) => markAttached(trx, { replay: checked.value, version, actor: o.actor, now: o.now }));
  return getReplay(db, o.replayId);
}
