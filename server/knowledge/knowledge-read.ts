// Reading knowledge bases: the list (article counts, draft state, newest version), one in full
// (draft articles, versions, the answer nodes that use it) and exports as files.
import type { Kysely } from 'kysely';
import type { KnowledgeBaseDetail, KnowledgeBaseSummary, KnowledgeExport, KnowledgeUse } from '../../shared/index.ts';
import { articlesToCsv } from '../../runtime/knowledge/formats/csv-knowledge.ts';
import { articleToMarkdown } from '../../runtime/knowledge/formats/markdown-knowledge.ts';
import { draftStatus, loadActors } from '../accounts/actors.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { parseDraftText } from '../flows/drafts.ts';
import { parseKnowledgeDraft } from './knowledge-drafts.ts';
import { knowledgeVersionDocument, listKnowledgeVersions } from './knowledge-versions.ts';

export async function listKnowledgeBases(db: Kysely<Database>): Promise<KnowledgeBaseSummary[]> {
  return (await readKnowledgeBases(db)).map((k) => k.summary);
}

export async function getKnowledgeBase(db: Kysely<Database>, kbId: string): Promise<Result<KnowledgeBaseDetail>> {
  const [kb] = await readKnowledgeBases(db, kbId);
  if (!kb) return fail('NOT_FOUND', `There is no knowledge base "${kbId}".`);
  return ok({
    ...kb.summary,
    revision: kb.summary.draft.revision,
    baseVersionId: kb.baseVersionId,
    document: kb.document,
    versions: await listKnowledgeVersions(db, kbId),
    usedBy: await knowledgeUses(db, kbId),
  });
}

/** Every knowledge base (or only `kbId`) with its parsed draft, each draft parsed once. */
async function readKnowledgeBases(db: Kysely<Database>, kbId?: string) {
  let drafts = db
    .selectFrom('knowledge_bases as k')
    .innerJoin('knowledge_drafts as d', 'd.kb_id', 'k.id')
    .select(['k.id', 'd.document', 'd.revision', 'd.committed_revision', 'd.base_version_id', 'd.updated_at', 'd.updated_by'])
    .orderBy('k.name');
  let versionRows = db.selectFrom('knowledge_versions').select(['id', 'kb_id', 'number', 'created_at']).orderBy('number', 'desc');
  if (kbId !== undefined) {
    drafts = drafts.where('k.id', '=', kbId);
    versionRows = versionRows.where('kb_id', '=', kbId);
  }
  const rows = await drafts.execute();
  const versions = await versionRows.execute();
  const actors = await loadActors(db, rows.map((r) => r.updated_by));
  return rows.map((r) => {
    const document = parseKnowledgeDraft(r.document, r.id);
    const own = versions.filter((v) => v.kb_id === r.id);
    const latest = own[0];
    const summary: KnowledgeBaseSummary = {
      id: r.id,
      name: document.name,
      locale: document.locale,
      articleCount: document.articles.length,
      draft: draftStatus(r, actors),
      latestVersion: latest ? { id: latest.id, number: Number(latest.number), createdAt: latest.created_at } : null,
      versionCount: own.length,
    };
    return { summary, document, baseVersionId: r.base_version_id };
  });
}

/** Answer nodes in flow drafts whose `knowledge.base` is `kbId`, with their thresholds. */
async function knowledgeUses(db: Kysely<Database>, kbId: string): Promise<KnowledgeUse[]> {
  const drafts = await db.selectFrom('drafts').select(['flow_id', 'document']).execute();
  const uses: KnowledgeUse[] = [];
  for (const d of drafts) {
    const doc = parseDraftText(d.document);
    const knowledge = doc.knowledge as { base?: unknown } | undefined;
    if (knowledge?.base !== kbId || !Array.isArray(doc.nodes)) continue;
    for (const node of doc.nodes as Array<{ id?: unknown; type?: unknown; data?: { threshold?: unknown } }>) {
      if (node?.type !== 'answer' || typeof node.id !== 'string') continue;
      uses.push({ flowId: d.flow_id, nodeId: node.id, threshold: typeof node.data?.threshold === 'number' ? node.data.threshold : 0.35 });
    }
  }
  return uses;
}

/** The draft or a version as JSON, CSV, or one Markdown file per article. */
export async function exportKnowledge(
  db: Kysely<Database>,
  o: { kbId: string; versionId?: string | undefined; format: 'json' | 'csv' | 'markdown' },
): Promise<Result<KnowledgeExport>> {
  let document;
  let suffix = '';
  if (o.versionId === undefined) {
    const row = await db.selectFrom('knowledge_drafts').select('document').where('kb_id', '=', o.kbId).executeTakeFirst();
    if (!row) return fail('NOT_FOUND', `There is no knowledge base "${o.kbId}".`);
    document = parseKnowledgeDraft(row.document, o.kbId);
  } else {
    const version = await knowledgeVersionDocument(db, o.kbId, o.versionId);
    if (!version.ok) return version;
    document = version.value.document;
    suffix = `.v${version.value.number}`;
  }
  if (o.format === 'json') return ok({ files: [{ name: `${o.kbId}${suffix}.json`, text: `${JSON.stringify(document, null, 1)}\n`, mimeType: 'application/json' }] });
  if (o.format === 'csv') return ok({ files: [{ name: `${o.kbId}${suffix}.csv`, text: articlesToCsv(document.articles), mimeType: 'text/csv' }] });
  return ok({ files: document.articles.map((a) => ({ name: `${a.id}.md`, text: articleToMarkdown(a), mimeType: 'text/markdown' })) });
}
