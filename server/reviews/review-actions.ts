// Review actions: request, approve, reject, comment. The four-eyes rule lives here: no author of
// a version (see approval.ts) may approve or reject it, whatever roles they hold now, and an
// approval names the content hash the reviewer saw.
import type { Kysely } from 'kysely';
import type { ActorRef } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import type { Database, ReviewEventKind, VersionRow } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { versionAuthors } from '../versioning/approval.ts';
import { storedDocumentIntact } from '../versioning/stored-document.ts';
import { checkAttachable, markAttached } from '../replays/replay-store.ts';

interface ActionBase {
  versionId: string;
  actor: ActorRef;
  now: Date;
}

async function loadVersion(db: Kysely<Database>, versionId: string): Promise<VersionRow | undefined> {
  return db.selectFrom('versions').selectAll().where('id', '=', versionId).executeTakeFirst();
}

async function addEvent(
  db: Kysely<Database>,
  o: { version: VersionRow; kind: ReviewEventKind; body: string; path?: string | undefined; actor: ActorRef; now: Date },
): Promise<void> {
  await db
    .insertInto('review_events')
    .values({
      version_id: o.version.id,
      author_id: o.actor.id,
      kind: o.kind,
      body: o.body,
      path: o.path ?? null,
      content_hash: o.version.content_hash,
      created_at: o.now.toISOString(),
    })
    .execute();
}

/** Requests review; with `replayId`, attaches that replay report (409 when it was computed for another version or the draft). */
export async function requestReview(
  db: Kysely<Database>,
  o: ActionBase & { note?: string | undefined; replayId?: string | undefined },
): Promise<Result<{ status: 'pending' }>> {
  const version = await loadVersion(db, o.versionId);
  if (!version) return fail('NOT_FOUND', 'There is no such version.');
  const review = await db.selectFrom('reviews').select('status').where('version_id', '=', o.versionId).executeTakeFirst();
  if (review?.status === 'pending') return fail('CONFLICT', `Version ${Number(version.number)} is already waiting for review.`);
  if (review?.status === 'rejected') return fail('PRECONDITION_FAILED', `Version ${Number(version.number)} was rejected; fix the draft and commit a new version.`);
  if (review?.status === 'approved') return fail('PRECONDITION_FAILED', `Version ${Number(version.number)} is already approved.`);
  const replay = o.replayId === undefined ? null : await checkAttachable(db, o.replayId, version);
  if (replay && !replay.ok) return replay;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('reviews')
      .values({
        version_id: o.versionId,
        status: 'pending',
        requested_by: o.actor.id,
        requested_at: o.now.toISOString(),
        decided_by: null,
        decided_at: null,
        decided_hash: null,
      })
      .execute();
    await addEvent(trx, { version, kind: 'request', body: o.note ?? '', actor: o.actor, now: o.now });
    await appendAudit(trx, {
      actor: o.actor,
      action: 'review.request',
      targetType: 'version',
      targetId: o.versionId,
      details: { flowId: version.flow_id, number: Number(version.number), contentHash: version.content_hash },
      at: o.now,
    });
    if (replay) await markAttached(trx, { replay: replay.value, version, actor: o.actor, now: o.now });
  });
  return ok({ status: 'pending' });
}

export interface DecideOptions extends ActionBase {
  decision: 'approve' | 'reject';
  /** Approve only: the content hash the reviewer saw. */
  contentHash?: string;
  comment: string;
}

/** Approve or reject. FORBIDDEN for any author of the version; CONFLICT when already decided or the hash differs. */
export async function decideReview(db: Kysely<Database>, o: DecideOptions): Promise<Result<{ status: 'approved' | 'rejected' }>> {
  const version = await loadVersion(db, o.versionId);
  if (!version) return fail('NOT_FOUND', 'There is no such version.');
  const authors = await versionAuthors(db, version.id);
  if (o.actor.id === null || authors.has(o.actor.id)) {
    return fail('FORBIDDEN', `You are an author of version ${Number(version.number)}, so someone else must review it (four-eyes rule).`);
  }
  if (o.decision === 'approve') {
    if (o.contentHash !== version.content_hash) {
      return fail(
        'CONFLICT',
        `You reviewed content ${String(o.contentHash).slice(0, 12)}…, but version ${Number(version.number)} is ${version.content_hash.slice(0, 12)}…; reload the diff and review again.`,
      );
    }
    if (!storedDocumentIntact(version)) {
      return fail('PRECONDITION_FAILED', `The stored document of version ${Number(version.number)} no longer matches its content hash; it cannot be approved.`);
    }
  }
  const status = o.decision === 'approve' ? 'approved' : 'rejected';
  const at = o.now.toISOString();
  const decided = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('reviews')
      .values({ version_id: o.versionId, status: 'pending', requested_by: null, requested_at: null, decided_by: null, decided_at: null, decided_hash: null })
      .onConflict((oc) => oc.column('version_id').doNothing())
      .execute();
    const row = await trx
      .updateTable('reviews')
      .set({ status, decided_by: o.actor.id, decided_at: at, decided_hash: version.content_hash })
      .where('version_id', '=', o.versionId)
      .where('status', '=', 'pending')
      .returning('version_id')
      .executeTakeFirst();
    if (!row) return false;
    await addEvent(trx, { version, kind: o.decision, body: o.comment, actor: o.actor, now: o.now });
    await appendAudit(trx, {
      actor: o.actor,
      action: `review.${o.decision}`,
      targetType: 'version',
      targetId: o.versionId,
      details: { flowId: version.flow_id, number: Number(version.number), contentHash: version.content_hash },
      at: o.now,
    });
    return true;
  });
  if (!decided) {
    const current = await db.selectFrom('reviews').select('status').where('version_id', '=', o.versionId).executeTakeFirst();
    return fail('CONFLICT', `Version ${Number(version.number)} was already ${current?.status ?? 'decided'}.`);
  }
  return ok({ status });
}

export async function commentOnVersion(
  db: Kysely<Database>,
  o: ActionBase & { body: string; path?: string | undefined },
): Promise<Result<{ commented: true }>> {
  const version = await loadVersion(db, o.versionId);
  if (!version) return fail('NOT_FOUND', 'There is no such version.');
  await db.transaction().execute(async (trx) => {
    await addEvent(trx, { version, kind: 'comment', body: o.body, path: o.path, actor: o.actor, now: o.now });
    await appendAudit(trx, {
      actor: o.actor,
      action: 'review.comment',
      targetType: 'version',
      targetId: o.versionId,
      details: { flowId: version.flow_id, number: Number(version.number), ...(o.path ? { path: o.path } : {}) },
      at: o.now,
    });
  });
  return ok({ commented: true });
}

