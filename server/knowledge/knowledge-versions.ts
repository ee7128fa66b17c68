// Knowledge-base versions: committing the draft builds the search index once and stores it with
// the immutable version (canonical document, content hash, author, message, parent), so the site
// runtime loads it instead of re-indexing. Listing and reading versions.
import type { Kysely } from 'kysely';
import { parseKnowledgeBase, type KnowledgeBaseDocument, type KnowledgeVersionSummary } from '../../shared/index.ts';
import { buildKnowledgeIndex, loadKnowledgeIndex, type KnowledgeIndex } from '../../runtime/index.ts';
import { loadActors } from '../accounts/actors.ts';
import type { ActorRef } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { canonicalJson } from '../crypto/canonical-json.ts';
import { newId } from '../crypto/digest.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { parseKnowledgeDraft, staleKnowledgeDraft } from './knowledge-drafts.ts';
import { knowledgeContentHash } from './knowledge-hash.ts';

export interface CommitKnowledgeOptions {
  kbId: string;
  baseRevision: number;
  message: string;
  actor: ActorRef;
  now: Date;
}

/**
 * Commits the draft as the next version with its built index. CONFLICT when the draft moved on
 * since `baseRevision` (or another commit won the race), PRECONDITION_FAILED when it is
 * identical to the newest version or has no articles.
 */
export async function commitKnowledgeVersion(db: Kysely<Database>, o: CommitKnowledgeOptions): Promise<Result<KnowledgeVersionSummary>> {
  const draft = await db.selectFrom('knowledge_drafts').selectAll().where('kb_id', '=', o.kbId).executeTakeFirst();
  if (!draft || Number(draft.revision) !== o.baseRevision) return staleKnowledgeDraft(db, o.kbId, o.baseRevision);
  const doc = parseKnowledgeDraft(draft.document, o.kbId);
  if (doc.articles.length === 0) return fail('PRECONDITION_FAILED', 'This knowledge base has no articles yet; add or import some before committing a version.');
  const hash = knowledgeContentHash(doc);
  const latest = await latestKnowledgeVersionRow(db, o.kbId);
  if (latest && latest.content_hash === hash) return fail('PRECONDITION_FAILED', `Nothing to commit: the draft is identical to version ${Number(latest.number)}.`);

  // Built outside the transaction (it can take seconds for a large help centre); the draft
  // revision check inside makes sure what was indexed is what gets stored.
  const index = buildKnowledgeIndex(doc, { version: hash });
  const searchIndex = JSON.stringify(index.toJSON());
  const id = newId('kbv');
  const number = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('knowledge_drafts')
      .set({ committed_revision: o.baseRevision, base_version_id: id })
      .where('kb_id', '=', o.kbId)
      .where('revision', '=', o.baseRevision)
      .where('base_version_id', latest ? '=' : 'is', latest?.id ?? null)
      .returning('kb_id')
      .executeTakeFirst();
    if (!claimed) return null;
    const n = Number(latest?.number ?? 0) + 1;
    await trx
      .insertInto('knowledge_versions')
      .values({
        id,
        kb_id: o.kbId,
        number: n,
        document: canonicalJson(doc),
        content_hash: hash,
        article_count: doc.articles.length,
        search_index: searchIndex,
        author_id: o.actor.id,
        message: o.message,
        parent_id: latest?.id ?? null,
        created_at: o.now.toISOString(),
      })
      .execute();
    await appendAudit(trx, {
      actor: o.actor,
      action: 'knowledge.commit',
      targetType: 'knowledge_version',
      targetId: id,
      details: { kbId: o.kbId, number: n, contentHash: hash, articles: doc.articles.length, parentId: latest?.id ?? null, draftRevision: o.baseRevision },
      at: o.now,
    });
    return n;
  });
  if (number === null) {
    const current = await db.selectFrom('knowledge_drafts').select('revision').where('kb_id', '=', o.kbId).executeTakeFirst();
    if (current && Number(current.revision) === o.baseRevision) return fail('CONFLICT', 'Someone committed this knowledge base at the same moment; reload to see the new version.');
    return staleKnowledgeDraft(db, o.kbId, o.baseRevision);
  }
  const versions = await listKnowledgeVersions(db, o.kbId);
  return ok(versions.find((v) => v.id === id)!);
}

/** The newest version of a knowledge base (without its document and index), or undefined. */
export async function latestKnowledgeVersionRow(db: Kysely<Database>, kbId: string) {
  return db
    .selectFrom('knowledge_versions')
    .select(['id', 'kb_id', 'number', 'content_hash'])
    .where('kb_id', '=', kbId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Versions newest first, each with the flows whose newest version pins it. */
export async function listKnowledgeVersions(db: Kysely<Database>, kbId: string): Promise<KnowledgeVersionSummary[]> {
  const rows = await db
    .selectFrom('knowledge_versions')
    .select(['id', 'kb_id', 'number', 'message', 'author_id', 'created_at', 'content_hash', 'article_count'])
    .where('kb_id', '=', kbId)
    .orderBy('number', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const newestNumbers = db.selectFrom('versions').select(['flow_id', (eb) => eb.fn.max('number').as('n')]).groupBy('flow_id').as('m');
  const pins = await db
    .selectFrom('versions as v')
    .innerJoin(newestNumbers, (join) => join.onRef('m.flow_id', '=', 'v.flow_id').onRef('m.n', '=', 'v.number'))
    .select(['v.flow_id', 'v.knowledge_version_id'])
    .where('v.knowledge_version_id', 'in', rows.map((r) => r.id))
    .execute();
  const actors = await loadActors(db, rows.map((r) => r.author_id));
  return rows.map((r) => ({
    id: r.id,
    kbId: r.kb_id,
    number: Number(r.number),
    message: r.message,
    author: actors(r.author_id),
    createdAt: r.created_at,
    contentHash: r.content_hash,
    articleCount: Number(r.article_count),
    usedByFlows: pins.filter((p) => p.knowledge_version_id === r.id).map((p) => p.flow_id).sort(),
  }));
}

/** One version's document, parsed again; NOT_FOUND when it is not a version of `kbId`. */
export async function knowledgeVersionDocument(db: Kysely<Database>, kbId: string, versionId: string): Promise<Result<{ number: number; document: KnowledgeBaseDocument }>> {
  const row = await db.selectFrom('knowledge_versions').select(['number', 'document']).where('id', '=', versionId).where('kb_id', '=', kbId).executeTakeFirst();
  if (!row) return fail('NOT_FOUND', `There is no such version of knowledge base "${kbId}".`);
  const parsed = parseKnowledgeBase(JSON.parse(row.document));
  if (!parsed.ok) throw new Error(`Knowledge version ${versionId}: stored document no longer parses.`);
  return ok({ number: Number(row.number), document: parsed.kb });
}

/** A stored index, or why not: `missing` when there is no such version. */
export type LoadedKnowledgeIndex = { ok: true; index: KnowledgeIndex; kbId: string; number: number } | { ok: false; missing: boolean; message: string };

/**
 * Loads stored indexes by knowledge-version id, each once per process (versions are immutable).
 * Keeps the `capacity` most recently used.
 */
export class KnowledgeIndexStore {
  private readonly entries = new Map<string, Promise<LoadedKnowledgeIndex>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly capacity = 8,
  ) {}

  get(versionId: string) {
    const hit = this.entries.get(versionId);
    if (hit) {
      this.entries.delete(versionId);
      this.entries.set(versionId, hit);
      return hit;
    }
    const pending = this.load(versionId).then((r) => {
      if (!r.ok) this.entries.delete(versionId);
      return r;
    });
    this.entries.set(versionId, pending);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return pending;
  }

  /** The stored index of `versionId` as its JSON text (to load it elsewhere, e.g. on the model thread); null when there is none. */
  async storedIndex(versionId: string): Promise<string | null> {
    const row = await this.db.selectFrom('knowledge_versions').select('search_index').where('id', '=', versionId).executeTakeFirst();
    return row?.search_index ?? null;
  }

  private async load(versionId: string): Promise<LoadedKnowledgeIndex> {
    const row = await this.db.selectFrom('knowledge_versions').select(['kb_id', 'number', 'search_index']).where('id', '=', versionId).executeTakeFirst();
    if (!row) return { ok: false, missing: true, message: `knowledge-base version ${versionId} does not exist` };
    try {
      return { ok: true, index: loadKnowledgeIndex(JSON.parse(row.search_index)), kbId: row.kb_id, number: Number(row.number) };
    } catch (error) {
      return { ok: false, missing: false, message: `the stored index of knowledge base ${row.kb_id} v${Number(row.number)} cannot be loaded: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
