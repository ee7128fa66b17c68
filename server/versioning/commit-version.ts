// Turns a valid draft into an immutable version: parsed, canonical JSON stored with its content
// and policy hashes, author, message and parent, and the set of people who count as its authors.
import type { Kysely } from 'kysely';
import { checkDraft } from '../flows/check-draft.ts';
import { parseFlow, type VersionSummary } from '../../shared/index.ts';
import type { ActorRef } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { canonicalJson } from '../crypto/canonical-json.ts';
import { newId } from '../crypto/digest.ts';
import type { Database } from '../db/database.ts';
import { fail, type Result } from '../failure.ts';
import { parseDraftText, staleOrMissing } from '../flows/drafts.ts';
import { isApproved, versionAuthors } from './approval.ts';
import { contentHash, policyHash } from './content-hash.ts';
import { getVersionSummary } from './version-store.ts';
import { latestKnowledgeVersionRow } from '../knowledge/knowledge-versions.ts';

export interface CommitOptions {
  flowId: string;
  baseRevision: number;
  message: string;
  actor: ActorRef;
  now: Date;
}

/**
 * Commits the draft. BAD_REQUEST with every problem (and its path) when the draft is invalid,
 * CONFLICT when the draft moved on since `baseRevision`, PRECONDITION_FAILED when nothing changed
 * since the last version (not even layout).
 */
export async function commitVersion(db: Kysely<Database>, o: CommitOptions): Promise<Result<VersionSummary>> {
  const draft = await db.selectFrom('drafts').selectAll().where('flow_id', '=', o.flowId).executeTakeFirst();
  if (!draft || Number(draft.revision) !== o.baseRevision) return staleOrMissing(db, o.flowId, o.baseRevision);

  const raw = parseDraftText(draft.document);
  const problems = checkDraft(raw);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    return fail('BAD_REQUEST', `The draft has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix before it can be committed (first: ${first.path || 'document'}: ${first.message})`, {
      problems,
    });
  }
  const parsed = parseFlow(raw);
  if (!parsed.ok) return fail('BAD_REQUEST', 'The draft does not parse.', { problems: parsed.problems });
  const doc = parsed.doc;
  const document = canonicalJson(doc);
  // A flow that names a knowledge base is committed with its newest version: that is what the
  // simulator and the reviewer saw, and what the site runtime will answer from (docs/knowledge.md).
  let knowledgeVersionId: string | null = null;
  if (doc.knowledge?.base !== undefined) {
    const latest = await latestKnowledgeVersionRow(db, doc.knowledge.base);
    if (!latest) {
      const problem = {
        code: 'knowledge_base_not_loaded' as const,
        severity: 'error' as const,
        path: 'knowledge.base',
        message: `The knowledge base "${doc.knowledge.base}" has no committed version yet; create it and commit a version on the Knowledge screen first.`,
      };
      return fail('BAD_REQUEST', problem.message, { problems: [problem] });
    }
    knowledgeVersionId = latest.id;
  }
  const hash = contentHash(doc, knowledgeVersionId);

  const parent = draft.base_version_id
    ? await db.selectFrom('versions').selectAll().where('id', '=', draft.base_version_id).executeTakeFirstOrThrow()
    : undefined;
  if (parent && parent.document === document && parent.knowledge_version_id === knowledgeVersionId) {
    return fail('PRECONDITION_FAILED', `Nothing to commit: the draft is identical to version ${Number(parent.number)}.`);
  }
  // Authors of an unapproved parent stay authors: otherwise A commits, B tweaks, and A approves A's own work.
  const inherited = parent && !(await isApproved(db, parent)) ? await versionAuthors(db, parent.id) : new Set<string>();

  const id = newId('ver');
  const committed = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('drafts')
      .set({ committed_revision: o.baseRevision })
      .where('flow_id', '=', o.flowId)
      .where('revision', '=', o.baseRevision)
      // A concurrent commit of the same revision moved the base on: this one lost the race.
      .where('base_version_id', parent ? '=' : 'is', parent?.id ?? null)
      .returning('flow_id')
      .executeTakeFirst();
    if (!claimed) return null;
    const last = await trx
      .selectFrom('versions')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('flow_id', '=', o.flowId)
      .executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    await trx
      .insertInto('versions')
      .values({
        id,
        flow_id: o.flowId,
        number,
        document,
        content_hash: hash,
        policy_hash: policyHash(doc),
        author_id: o.actor.id,
        message: o.message,
        parent_id: parent?.id ?? null,
        created_at: o.now.toISOString(),
        knowledge_version_id: knowledgeVersionId,
      })
      .execute();
    await trx.updateTable('drafts').set({ base_version_id: id }).where('flow_id', '=', o.flowId).execute();
    const contributors = await trx.selectFrom('draft_contributors').select('user_id').where('flow_id', '=', o.flowId).execute();
    const authors = new Set([...inherited, ...contributors.map((c) => c.user_id), ...(o.actor.id ? [o.actor.id] : [])]);
    if (authors.size) await trx.insertInto('version_authors').values([...authors].map((user_id) => ({ version_id: id, user_id }))).execute();
    await trx.deleteFrom('draft_contributors').where('flow_id', '=', o.flowId).execute();
    await appendAudit(trx, {
      actor: o.actor,
      action: 'version.commit',
      targetType: 'version',
      targetId: id,
      details: { flowId: o.flowId, number, contentHash: hash, parentId: parent?.id ?? null, draftRevision: o.baseRevision, knowledgeVersionId },
      at: o.now,
    });
    return number;
  });
  if (committed === null) {
    const current = await db.selectFrom('drafts').select('revision').where('flow_id', '=', o.flowId).executeTakeFirst();
    if (current && Number(current.revision) === o.baseRevision) return fail('CONFLICT', 'Someone committed this draft at the same moment; reload to see the new version.');
    return staleOrMissing(db, o.flowId, o.baseRevision);
  }
  return getVersionSummary(db, id);
}
