// Flows and their one draft each: create, read, save with optimistic concurrency (a stale
// revision is a CONFLICT naming who saved last), import and export.
import type { Kysely, Transaction } from 'kysely';
import { checkDraft } from './check-draft.ts';
import type { DraftState, JsonObject, Problem } from '../../shared/index.ts';
import { loadActors } from '../accounts/actors.ts';
import type { ActorRef } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Failure, type Result } from '../failure.ts';
import { rawContentHash } from '../versioning/content-hash.ts';
import { parseStoredDocument } from '../versioning/stored-document.ts';
import { starterDocument } from './starter-document.ts';

const FLOW_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Parses a stored draft: JSON text that must be an object (it may be an invalid flow). */
export function parseDraftText(text: string): JsonObject {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('Stored draft is not a JSON object.');
  return value as JsonObject;
}

function idProblem(expected: string, actual: unknown): Problem {
  return {
    code: 'invalid_field',
    severity: 'error',
    path: 'id',
    message: `The document's id is ${JSON.stringify(actual)} but this flow is "${expected}"; a flow's id cannot change (import it as a new flow instead).`,
  };
}

export async function getDraft(db: Kysely<Database>, flowId: string): Promise<Result<DraftState>> {
  const row = await db.selectFrom('drafts').selectAll().where('flow_id', '=', flowId).executeTakeFirst();
  if (!row) return fail('NOT_FOUND', `There is no flow "${flowId}".`);
  const actors = await loadActors(db, [row.updated_by]);
  const document = parseDraftText(row.document);
  return ok({
    flowId,
    revision: Number(row.revision),
    updatedAt: row.updated_at,
    updatedBy: actors(row.updated_by),
    baseVersionId: row.base_version_id,
    document,
    problems: checkDraft(document),
  });
}

export interface CreateFlowOptions {
  id: string;
  name: string;
  /** Default: a starter document (start → message → end). */
  document?: JsonObject;
  locale?: string;
  actor: ActorRef;
  now: Date;
}

export async function createFlow(db: Kysely<Database>, o: CreateFlowOptions): Promise<Result<{ flowId: string; revision: number }>> {
  const document = o.document ?? starterDocument({ id: o.id, name: o.name, locale: o.locale ?? 'en' });
  const at = o.now.toISOString();
  const created = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('flows')
      .values({ id: o.id, name: o.name, created_at: at, created_by: o.actor.id })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await trx
      .insertInto('drafts')
      .values({
        flow_id: o.id,
        document: JSON.stringify(document),
        revision: 1,
        committed_revision: 0,
        base_version_id: null,
        updated_at: at,
        updated_by: o.actor.id,
      })
      .execute();
    if (o.actor.id) await trx.insertInto('draft_contributors').values({ flow_id: o.id, user_id: o.actor.id }).execute();
    await appendAudit(trx, {
      actor: o.actor,
      action: 'flow.create',
      targetType: 'flow',
      targetId: o.id,
      details: { name: o.name, revision: 1, contentHash: rawContentHash(document) },
      at: o.now,
    });
    return true;
  });
  if (!created) return fail('CONFLICT', `A flow with the id "${o.id}" already exists.`);
  return ok({ flowId: o.id, revision: 1 });
}

export interface SaveDraftOptions {
  flowId: string;
  baseRevision: number;
  document: JsonObject;
  actor: ActorRef;
  now: Date;
}

export interface SavedDraft {
  revision: number;
  savedAt: string;
  problems: Problem[];
}

/** Saves a draft if nobody saved since `baseRevision`; otherwise CONFLICT with who did. */
export async function saveDraft(db: Kysely<Database>, o: SaveDraftOptions): Promise<Result<SavedDraft>> {
  if (o.document.id !== o.flowId) return fail('BAD_REQUEST', idProblem(o.flowId, o.document.id).message, { problems: [idProblem(o.flowId, o.document.id)] });
  const saved = await db.transaction().execute((trx) => writeDraft(trx, o));
  if (saved === null) return staleOrMissing(db, o.flowId, o.baseRevision);
  return ok({ revision: saved, savedAt: o.now.toISOString(), problems: checkDraft(o.document) });
}

/**
 * The writes of saveDraft inside the caller's transaction (so another change can commit with it):
 * the new revision, or null when the draft is not at `baseRevision` (the caller reports that).
 */
export async function writeDraft(trx: Transaction<Database>, o: SaveDraftOptions): Promise<number | null> {
  const at = o.now.toISOString();
  const name = typeof o.document.name === 'string' && o.document.name.trim() ? o.document.name.slice(0, 200) : undefined;
  const row = await trx
    .updateTable('drafts')
    .set((eb) => ({ document: JSON.stringify(o.document), revision: eb('revision', '+', 1), updated_at: at, updated_by: o.actor.id }))
    .where('flow_id', '=', o.flowId)
    .where('revision', '=', o.baseRevision)
    .returning('revision')
    .executeTakeFirst();
  if (!row) return null;
  if (name) await trx.updateTable('flows').set({ name }).where('id', '=', o.flowId).execute();
  if (o.actor.id) {
    await trx
      .insertInto('draft_contributors')
      .values({ flow_id: o.flowId, user_id: o.actor.id })
      .onConflict((oc) => oc.columns(['flow_id', 'user_id']).doNothing())
      .execute();
  }
  await appendAudit(trx, {
    actor: o.actor,
    action: 'draft.save',
    targetType: 'flow',
    targetId: o.flowId,
    details: { revision: Number(row.revision), contentHash: rawContentHash(o.document) },
    at: o.now,
  });
  return Number(row.revision);
}

/** NOT_FOUND for an unknown flow, else CONFLICT naming the current revision and who saved it. */
export async function staleOrMissing(db: Kysely<Database>, flowId: string, baseRevision: number): Promise<{ ok: false; failure: Failure }> {
  const current = await db.selectFrom('drafts').select(['revision', 'updated_by', 'updated_at']).where('flow_id', '=', flowId).executeTakeFirst();
  if (!current) return fail('NOT_FOUND', `There is no flow "${flowId}".`);
  const savedBy = (await loadActors(db, [current.updated_by]))(current.updated_by);
  const who = savedBy ? `${savedBy.name} (${savedBy.email})` : 'the system';
  return fail(
    'CONFLICT',
    `This draft changed since you opened it (you edited revision ${baseRevision}; revision ${Number(current.revision)} was saved by ${who} at ${current.updated_at}). Reload to get their changes.`,
    { conflict: { revision: Number(current.revision), savedBy, savedAt: current.updated_at } },
  );
}

export interface ImportFlowOptions {
  document: JsonObject;
  baseRevision?: number | undefined;
  actor: ActorRef;
  now: Date;
}

/** Imports a document as a new flow, or as the draft of an existing one (then `baseRevision` is required). */
export async function importFlow(
  db: Kysely<Database>,
  o: ImportFlowOptions,
): Promise<Result<{ flowId: string; revision: number; created: boolean; problems: Problem[] }>> {
  const id = o.document.id;
  if (typeof id !== 'string' || !FLOW_ID.test(id) || id.length > 64) {
    const problem: Problem = {
      code: 'invalid_field',
      severity: 'error',
      path: 'id',
      message: 'The file needs an "id" of lowercase letters, digits and dashes (e.g. banking-support).',
    };
    return fail('BAD_REQUEST', problem.message, { problems: [problem] });
  }
  const exists = await db.selectFrom('flows').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) {
    const name = typeof o.document.name === 'string' && o.document.name.trim() ? o.document.name.slice(0, 200) : id;
    const created = await createFlow(db, { id, name, document: o.document, actor: o.actor, now: o.now });
    if (!created.ok) return created;
    return ok({ flowId: id, revision: 1, created: true, problems: checkDraft(o.document) });
  }
  if (o.baseRevision === undefined) {
    const current = await db.selectFrom('drafts').select('revision').where('flow_id', '=', id).executeTakeFirstOrThrow();
    return fail('CONFLICT', `A flow "${id}" already exists; to replace its draft, import again with baseRevision ${Number(current.revision)}.`);
  }
  const saved = await saveDraft(db, { flowId: id, baseRevision: o.baseRevision, document: o.document, actor: o.actor, now: o.now });
  if (!saved.ok) return saved;
  return ok({ flowId: id, revision: saved.value.revision, created: false, problems: saved.value.problems });
}

/** The draft, or one version's document, as a file to download. */
export async function exportFlow(
  db: Kysely<Database>,
  o: { flowId: string; versionId?: string | undefined },
): Promise<Result<{ fileName: string; document: JsonObject }>> {
  if (o.versionId === undefined) {
    const draft = await db.selectFrom('drafts').select('document').where('flow_id', '=', o.flowId).executeTakeFirst();
    if (!draft) return fail('NOT_FOUND', `There is no flow "${o.flowId}".`);
    return ok({ fileName: `${o.flowId}.json`, document: parseDraftText(draft.document) });
  }
  const version = await db.selectFrom('versions').select(['id', 'document', 'number']).where('id', '=', o.versionId).where('flow_id', '=', o.flowId).executeTakeFirst();
  if (!version) return fail('NOT_FOUND', 'There is no such version of this flow.');
  const document = parseStoredDocument(version) as unknown as JsonObject;
  return ok({ fileName: `${o.flowId}.v${Number(version.number)}.json`, document });
}
