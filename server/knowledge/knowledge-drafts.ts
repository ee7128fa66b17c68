// Knowledge bases and their one draft each: create, read, and every edit (whole draft, one
// article, an import) as a read–modify–write bound to the revision the editor started from, so a
// stale edit is a CONFLICT naming who saved last, never a lost update.
import type { Kysely } from 'kysely';
import {
  parseKnowledgeBase,
  type Actor,
  type KnowledgeBaseDocument,
  type Problem,
  type SavedKnowledgeDraft,
} from '../../shared/index.ts';
import { loadActors } from '../accounts/actors.ts';
import type { ActorRef } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Failure, type Result } from '../failure.ts';
import { knowledgeContentHash } from './knowledge-hash.ts';

/** Parses a stored draft (written only after validation, so a failure is corruption). */
export function parseKnowledgeDraft(text: string, kbId: string): KnowledgeBaseDocument {
  const parsed = parseKnowledgeBase(JSON.parse(text));
  if (!parsed.ok) throw new Error(`The stored draft of knowledge base ${kbId} no longer parses: ${parsed.problems[0]?.path}: ${parsed.problems[0]?.message}`);
  return parsed.kb;
}

export interface CreateKnowledgeBaseOptions {
  id: string;
  name: string;
  locale: string;
  /** Default: no articles. */
  document?: KnowledgeBaseDocument;
  actor: ActorRef;
  now: Date;
}

/** Creates a knowledge base with a draft at revision 1; CONFLICT when the id is taken. */
export async function createKnowledgeBase(db: Kysely<Database>, o: CreateKnowledgeBaseOptions): Promise<Result<{ kbId: string; revision: number }>> {
  const document: KnowledgeBaseDocument = o.document ?? { schemaVersion: 1, id: o.id, name: o.name, locale: o.locale, articles: [] };
  const at = o.now.toISOString();
  const created = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('knowledge_bases')
      .values({ id: o.id, name: document.name, created_at: at, created_by: o.actor.id })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await trx
      .insertInto('knowledge_drafts')
      .values({ kb_id: o.id, document: JSON.stringify(document), revision: 1, committed_revision: 0, base_version_id: null, updated_at: at, updated_by: o.actor.id })
      .execute();
    await appendAudit(trx, {
      actor: o.actor,
      action: 'knowledge.create',
      targetType: 'knowledge_base',
      targetId: o.id,
      details: { name: document.name, articles: document.articles.length, contentHash: knowledgeContentHash(document) },
      at: o.now,
    });
    return true;
  });
  if (!created) return fail('CONFLICT', `A knowledge base with the id "${o.id}" already exists.`);
  return ok({ kbId: o.id, revision: 1 });
}

/** NOT_FOUND for an unknown knowledge base, else CONFLICT naming the current revision and who saved it. */
export async function staleKnowledgeDraft(db: Kysely<Database>, kbId: string, baseRevision: number): Promise<{ ok: false; failure: Failure }> {
  const current = await db.selectFrom('knowledge_drafts').select(['revision', 'updated_by', 'updated_at']).where('kb_id', '=', kbId).executeTakeFirst();
  if (!current) return fail('NOT_FOUND', `There is no knowledge base "${kbId}".`);
  const savedBy: Actor = (await loadActors(db, [current.updated_by]))(current.updated_by);
  const who = savedBy ? `${savedBy.name} (${savedBy.email})` : 'the system';
  return fail(
    'CONFLICT',
    `This knowledge base changed since you opened it (you edited revision ${baseRevision}; revision ${Number(current.revision)} was saved by ${who} at ${current.updated_at}). Reload to get their changes.`,
    { conflict: { revision: Number(current.revision), savedBy, savedAt: current.updated_at } },
  );
}

/** What an edit does to the draft: the new document, or the problems that refuse it. */
export type DraftEdit<T> = (current: KnowledgeBaseDocument) => { ok: true; document: KnowledgeBaseDocument; result: T; summary: string } | { ok: false; failure: Failure };

export interface EditKnowledgeDraftOptions {
  kbId: string;
  baseRevision: number;
  actor: ActorRef;
  now: Date;
}

/**
 * Applies `edit` to the draft at `baseRevision` and stores the result (validated again) as the
 * next revision, all in one transaction; CONFLICT when the draft moved on, BAD_REQUEST with
 * every problem when the result is not a valid knowledge base. Nothing is written on failure.
 */
export async function editKnowledgeDraft<T>(db: Kysely<Database>, o: EditKnowledgeDraftOptions, edit: DraftEdit<T>): Promise<Result<SavedKnowledgeDraft & { result: T }>> {
  const at = o.now.toISOString();
  const outcome = await db.transaction().execute(async (trx): Promise<Result<SavedKnowledgeDraft & { result: T }> | null> => {
    const row = await trx.selectFrom('knowledge_drafts').select(['document', 'revision']).where('kb_id', '=', o.kbId).executeTakeFirst();
    if (!row || Number(row.revision) !== o.baseRevision) return null;
    const edited = edit(parseKnowledgeDraft(row.document, o.kbId));
    if (!edited.ok) return edited;
    const checked = parseKnowledgeBase(edited.document);
    if (!checked.ok) return invalidDraft(checked.problems);
    const document = checked.kb;
    const updated = await trx
      .updateTable('knowledge_drafts')
      .set((eb) => ({ document: JSON.stringify(document), revision: eb('revision', '+', 1), updated_at: at, updated_by: o.actor.id }))
      .where('kb_id', '=', o.kbId)
      .where('revision', '=', o.baseRevision)
      .returning('revision')
      .executeTakeFirst();
    if (!updated) return null;
    await trx.updateTable('knowledge_bases').set({ name: document.name }).where('id', '=', o.kbId).execute();
    await appendAudit(trx, {
      actor: o.actor,
      action: 'knowledge.save',
      targetType: 'knowledge_base',
      targetId: o.kbId,
      details: { revision: Number(updated.revision), change: edited.summary, articles: document.articles.length, contentHash: knowledgeContentHash(document) },
      at: o.now,
    });
    return ok({ revision: Number(updated.revision), savedAt: at, articleCount: document.articles.length, result: edited.result });
  });
  return outcome ?? staleKnowledgeDraft(db, o.kbId, o.baseRevision);
}

function invalidDraft(problems: Problem[]): { ok: false; failure: Failure } {
  const first = problems[0];
  return fail('BAD_REQUEST', `The knowledge base would not be valid: ${first ? `${first.path || 'document'}: ${first.message}` : 'unknown problem'}`, { problems });
}

/** Replaces the whole draft; its id must stay the knowledge base's. */
export function replaceDraft(kbId: string, document: KnowledgeBaseDocument): DraftEdit<null> {
  return () =>
    document.id !== kbId
      ? fail('BAD_REQUEST', `The document's id is "${document.id}" but this knowledge base is "${kbId}"; an id cannot change.`, {
          problems: [{ code: 'invalid_field', severity: 'error', path: 'id', message: `The id must stay "${kbId}".` }],
        })
      : { ok: true, document, result: null, summary: 'draft' };
}

/** Adds `article`, or replaces `previousId` (default the article's id) with it, keeping its place in the list. */
export function putArticle(article: KnowledgeBaseDocument['articles'][number], previousId?: string): DraftEdit<{ created: boolean }> {
  return (current) => {
    const replacing = previousId ?? article.id;
    const index = current.articles.findIndex((a) => a.id === replacing);
    if (previousId !== undefined && index < 0) return fail('NOT_FOUND', `There is no article "${previousId}" in this knowledge base (someone may have deleted it); reload.`);
    const clash = current.articles.findIndex((a) => a.id === article.id);
    if (clash >= 0 && clash !== index) {
      return fail('BAD_REQUEST', `Another article already has the id "${article.id}"; choose a different id.`, {
        problems: [{ code: 'duplicate_id', severity: 'error', path: 'article.id', message: `Another article already has the id "${article.id}".` }],
      });
    }
    const articles = [...current.articles];
    if (index >= 0) articles[index] = article;
    else articles.push(article);
    return { ok: true, document: { ...current, articles }, result: { created: index < 0 }, summary: `${index < 0 ? 'add' : 'update'} article ${article.id}` };
  };
}

export function deleteArticle(articleId: string): DraftEdit<null> {
  return (current) => {
    if (!current.articles.some((a) => a.id === articleId)) return fail('NOT_FOUND', `There is no article "${articleId}" in this knowledge base (someone may have deleted it already); reload.`);
    return { ok: true, document: { ...current, articles: current.articles.filter((a) => a.id !== articleId) }, result: null, summary: `delete article ${articleId}` };
  };
}
