// Seeds example flows into an empty database as system work: each file becomes a flow whose first
// version is approved by the system and deployed to production, so the app is usable at once.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { checkDraft } from '../flows/check-draft.ts';
import type { JsonObject, Problem } from '../../shared/index.ts';
import { systemActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import type { Database } from '../db/database.ts';
import { deployVersion } from '../deployments/deploy.ts';
import { createFlow } from '../flows/drafts.ts';
import { commitVersion } from '../versioning/commit-version.ts';
import { seedKnowledgeBases, type KnowledgeSeedReport } from './seed-knowledge.ts';

export interface SeedReport {
  seeded: Array<{ file: string; flowId: string; versionId: string }>;
  skipped: Array<{ file: string; problems: string[] }>;
  knowledge: KnowledgeSeedReport;
}

/**
 * Seeds the knowledge bases of `dir/knowledge/` first (flows that name one are committed with its
 * version 1), then every `*.json` in `dir` (sorted). Invalid files are skipped and reported, never fatal.
 */
export async function seedFlows(db: Kysely<Database>, o: { dir: string; now: Date }): Promise<SeedReport> {
  const report: SeedReport = { seeded: [], skipped: [], knowledge: await seedKnowledgeBases(db, { flowsDir: o.dir, now: o.now }) };
  let files: string[];
  try {
    files = (await readdir(o.dir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return report;
  }
  for (const file of files) {
    const skip = (problems: string[]) => report.skipped.push({ file, problems });
    let document: unknown;
    try {
      document = JSON.parse(await readFile(join(o.dir, file), 'utf8'));
    } catch (error) {
      skip([`not JSON: ${error instanceof Error ? error.message : String(error)}`]);
      continue;
    }
    const errors = checkDraft(document).filter((p: Problem) => p.severity === 'error');
    if (errors.length) {
      skip(errors.map((p) => `${p.path}: ${p.message}`));
      continue;
    }
    const doc = document as JsonObject & { id: string; name: string };
    const created = await createFlow(db, { id: doc.id, name: doc.name, document: doc, actor: systemActor, now: o.now });
    if (!created.ok) {
      skip([created.failure.message]);
      continue;
    }
    const version = await commitVersion(db, { flowId: doc.id, baseRevision: 1, message: `Seeded from flows/${file}`, actor: systemActor, now: o.now });
    if (!version.ok) {
      skip([version.failure.message]);
      continue;
    }
    await approveAsSystem(db, { versionId: version.value.id, contentHash: version.value.contentHash, file, now: o.now });
    const deployed = await deployVersion(db, { versionId: version.value.id, environment: 'production', note: 'Seeded on first start', actor: systemActor, now: o.now });
    if (!deployed.ok) {
      skip([deployed.failure.message]);
      continue;
    }
    report.seeded.push({ file, flowId: doc.id, versionId: version.value.id });
  }
  return report;
}

/** Records the system's approval of a seeded version (the only approval without a human reviewer). */
async function approveAsSystem(db: Kysely<Database>, o: { versionId: string; contentHash: string; file: string; now: Date }): Promise<void> {
  const at = o.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('reviews')
      .values({ version_id: o.versionId, status: 'approved', requested_by: null, requested_at: null, decided_by: null, decided_at: at, decided_hash: o.contentHash })
      .execute();
    await trx
      .insertInto('review_events')
      .values({
        version_id: o.versionId,
        author_id: null,
        kind: 'approve',
        body: `Seeded example flow (flows/${o.file}), approved by the system on first start.`,
        path: null,
        content_hash: o.contentHash,
        created_at: at,
      })
      .execute();
    await appendAudit(trx, {
      actor: systemActor,
      action: 'review.approve',
      targetType: 'version',
      targetId: o.versionId,
      details: { seed: true, file: `flows/${o.file}`, contentHash: o.contentHash },
      at: o.now,
    });
  });
}
