// Seeds the example knowledge bases (`<flowsDir>/knowledge/*.json`) as system work: each file
// becomes a knowledge base whose draft is committed as version 1 with its built index, so flows
// that name it can be committed (and pinned to it) right after.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { formatImportProblem } from '../../runtime/knowledge/formats/import-problem.ts';
import { knowledgeBaseFromJson } from '../../runtime/knowledge/formats/knowledge-from-files.ts';
import { systemActor } from '../actor.ts';
import type { Database } from '../db/database.ts';
import { createKnowledgeBase } from '../knowledge/knowledge-drafts.ts';
import { commitKnowledgeVersion } from '../knowledge/knowledge-versions.ts';

export interface KnowledgeSeedReport {
  seeded: Array<{ file: string; kbId: string; versionId: string }>;
  skipped: Array<{ file: string; problems: string[] }>;
}

export interface SeedKnowledgeOptions {
  /** The flows folder; knowledge bases are read from its `knowledge/` subfolder. */
  flowsDir: string;
  now: Date;
  /** Seed only these ids (default: every file). Ids already in the database are always left alone. */
  only?: ReadonlySet<string>;
}

/** Seeds every `knowledge/*.json` (sorted) whose id is not in the database yet. Bad files are skipped and reported. */
export async function seedKnowledgeBases(db: Kysely<Database>, o: SeedKnowledgeOptions): Promise<KnowledgeSeedReport> {
  const report: KnowledgeSeedReport = { seeded: [], skipped: [] };
  const dir = join(o.flowsDir, 'knowledge');
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return report;
  }
  for (const file of files) {
    const path = `knowledge/${file}`;
    const read = knowledgeBaseFromJson(await readFile(join(dir, file), 'utf8'), path);
    if (!read.ok) {
      report.skipped.push({ file: path, problems: read.problems.slice(0, 5).map(formatImportProblem) });
      continue;
    }
    const kb = read.value;
    if (o.only && !o.only.has(kb.id)) continue;
    const exists = await db.selectFrom('knowledge_bases').select('id').where('id', '=', kb.id).executeTakeFirst();
    if (exists) continue;
    const created = await createKnowledgeBase(db, { id: kb.id, name: kb.name, locale: kb.locale, document: kb, actor: systemActor, now: o.now });
    if (!created.ok) {
      report.skipped.push({ file: path, problems: [created.failure.message] });
      continue;
    }
    const version = await commitKnowledgeVersion(db, { kbId: kb.id, baseRevision: 1, message: `Seeded from flows/${path}`, actor: systemActor, now: o.now });
    if (!version.ok) {
      report.skipped.push({ file: path, problems: [version.failure.message] });
      continue;
    }
    report.seeded.push({ file: path, kbId: kb.id, versionId: version.value.id });
  }
  return report;
}

/**
 * Knowledge bases that stored flows name but the database lacks (a database created before
 * knowledge bases were stored, migration 0007): seeded from the flows folder when it has them.
 */
export async function seedMissingKnowledgeBases(db: Kysely<Database>, o: { flowsDir: string; now: Date }): Promise<KnowledgeSeedReport> {
  const named = new Set<string>();
  for (const table of ['drafts', 'versions'] as const) {
    // Documents are compact JSON, so the filter keeps the parse to flows that name knowledge at all.
    const rows = await db.selectFrom(table).select('document').where('document', 'like', '%"knowledge":{%').execute();
    for (const row of rows) {
      const base = (JSON.parse(row.document) as { knowledge?: { base?: unknown } }).knowledge?.base;
      if (typeof base === 'string') named.add(base);
    }
  }
  if (named.size === 0) return { seeded: [], skipped: [] };
  const existing = await db.selectFrom('knowledge_bases').select('id').execute();
  for (const row of existing) named.delete(row.id);
  if (named.size === 0) return { seeded: [], skipped: [] };
  return seedKnowledgeBases(db, { ...o, only: named });
}
