// Loads the two sides of a diff (stored versions, or a flow's draft) and runs the pure diff.
import type { Kysely } from 'kysely';
import { parseFlow, type FlowDiff } from '../../shared/index.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { parseDraftText } from '../flows/drafts.ts';
import { contentHash } from './content-hash.ts';
import { diffFlows } from './flow-diff.ts';
import { parseStoredDocument } from './stored-document.ts';

/** Diff between any two stored versions (usually of the same flow). */
export async function diffVersions(db: Kysely<Database>, o: { fromVersionId: string; toVersionId: string }): Promise<Result<FlowDiff>> {
  const rows = await db
    .selectFrom('versions')
    .select(['id', 'number', 'document', 'content_hash'])
    .where('id', 'in', [o.fromVersionId, o.toVersionId])
    .execute();
  const from = rows.find((r) => r.id === o.fromVersionId);
  const to = rows.find((r) => r.id === o.toVersionId);
  if (!from || !to) return fail('NOT_FOUND', `There is no version ${!from ? o.fromVersionId : o.toVersionId}.`);
  return ok(
    diffFlows(parseStoredDocument(from), parseStoredDocument(to), {
      from: { ref: from.id, number: Number(from.number), contentHash: from.content_hash },
      to: { ref: to.id, number: Number(to.number), contentHash: to.content_hash },
    }),
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
    .select(['id', 'number', 'document', 'content_hash'])
    .where('id', '=', versionId)
    .where('flow_id', '=', o.flowId)
    .executeTakeFirst();
  if (!version) return fail('NOT_FOUND', 'There is no such version of this flow.');
  const parsed = parseFlow(parseDraftText(draft.document));
  if (!parsed.ok) return fail('BAD_REQUEST', 'The draft does not parse, so it cannot be compared; fix the problems first.', { problems: parsed.problems });
  return ok(
    diffFlows(parseStoredDocument(version), parsed.doc, {
      from: { ref: version.id, number: Number(version.number), contentHash: version.content_hash },
      to: { ref: 'draft', number: null, contentHash: contentHash(parsed.doc) },
    }),
  );
}
