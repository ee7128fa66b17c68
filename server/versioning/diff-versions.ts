// Loads the two sides of a diff (stored versions, or a flow's draft) and runs the pure diff. Each
// side's knowledge-base version comes along: a stored version's pin, or for the draft the newest
// version its commit would pick up — so reviewers see "banking-help-centre v1 → v2".
import type { Kysely } from 'kysely';
import { parseFlow, type FlowDiff, type FlowDocument, type KnowledgeSide } from '../../shared/index.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { parseDraftText } from '../flows/drafts.ts';
import { latestKnowledgeVersionRow } from '../knowledge/knowledge-versions.ts';
import { contentHash } from './content-hash.ts';
import { diffFlows, knowledgeSide } from './flow-diff.ts';
import { parseStoredDocument } from './stored-document.ts';

async function pinnedSide(db: Kysely<Database>, doc: FlowDocument, knowledgeVersionId: string | null): Promise<KnowledgeSide | null> {
  if (knowledgeVersionId === null) return knowledgeSide(doc);
  const row = await db.selectFrom('knowledge_versions').select(['kb_id', 'number']).where('id', '=', knowledgeVersionId).executeTakeFirst();
  return row ? { kbId: row.kb_id, versionId: knowledgeVersionId, number: Number(row.number) } : knowledgeSide(doc);
}

/** Diff between any two stored versions (usually of the same flow). */
export async function diffVersions(db: Kysely<Database>, o: { fromVersionId: string; toVersionId: string }): Promise<Result<FlowDiff>> {
  const rows = await db
    .selectFrom('versions')
    .select(['id', 'number', 'document', 'content_hash', 'knowledge_version_id'])
    .where('id', 'in', [o.fromVersionId, o.toVersionId])
    .execute();
  const from = rows.find((r) => r.id === o.fromVersionId);
  const to = rows.find((r) => r.id === o.toVersionId);
  if (!from || !to) return fail('NOT_FOUND', `There is no version ${!from ? o.fromVersionId : o.toVersionId}.`);
  const [a, b] = [parseStoredDocument(from), parseStoredDocument(to)];
  return ok(
    diffFlows(
      a,
      b,
      {
        from: { ref: from.id, number: Number(from.number), contentHash: from.content_hash },
        to: { ref: to.id, number: Number(to.number), contentHash: to.content_hash },
      },
      { from: await pinnedSide(db, a, from.knowledge_version_id), to: await pinnedSide(db, b, to.knowledge_version_id) },
    ),
  );
}

/** Diff from a version (default: the draft's base) to the current draft, which must parse. */
export async function diffDraft(db: Kysely<Database>, o: { flowId: string; versionId?: string | undefined }): Promise<Result<FlowDiff>> {
  const draft = await db.selectFrom('drafts').select(['document', 'base_version_id']).where('flow_id', '=', o.flowId).executeTakeFirst();
  if (!draft) return fail('NOT_FOUND', `There is no flow "${o.flowId}".`);
  const versionId = o.versionId ?? draft.base_version_id;
  if (versionId === null) return fail('PRECONDITION_FAILED', 'This flow has no version yet; commit the draft first.');
  const version = await db
    .selectFrom('versions')
    .select(['id', 'number', 'document', 'content_hash', 'knowledge_version_id'])
    .where('id', '=', versionId)
    .where('flow_id', '=', o.flowId)
    .executeTakeFirst();
  if (!version) return fail('NOT_FOUND', 'There is no such version of this flow.');
  const parsed = parseFlow(parseDraftText(draft.document));
  if (!parsed.ok) return fail('BAD_REQUEST', 'The draft does not parse, so it cannot be compared; fix the problems first.', { problems: parsed.problems });
  const base = parsed.doc.knowledge?.base;
  const latest = base === undefined ? undefined : await latestKnowledgeVersionRow(db, base);
  const before = parseStoredDocument(version);
  return ok(
    diffFlows(
      before,
      parsed.doc,
      {
        from: { ref: version.id, number: Number(version.number), contentHash: version.content_hash },
        to: { ref: 'draft', number: null, contentHash: contentHash(parsed.doc, latest?.id ?? null) },
      },
      {
        from: await pinnedSide(db, before, version.knowledge_version_id),
        to: knowledgeSide(parsed.doc, latest ? { versionId: latest.id, number: Number(latest.number) } : null),
      },
    ),
  );
}
