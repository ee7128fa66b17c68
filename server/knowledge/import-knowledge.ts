// Imports uploaded files (Markdown files, a CSV or a JSON knowledge base) into a draft, reusing the
// CLI's parsers (runtime/knowledge/formats). All or nothing: any problem in any row or file
// refuses the whole import with every problem listed, and the draft is untouched.
import type { Kysely } from 'kysely';
import type { ImportedKnowledge } from '../../shared/index.ts';
import { formatImportProblem } from '../../runtime/knowledge/formats/import-problem.ts';
import { knowledgeBaseFromFiles } from '../../runtime/knowledge/formats/knowledge-from-files.ts';
import type { ActorRef } from '../actor.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { editKnowledgeDraft } from './knowledge-drafts.ts';

export interface ImportKnowledgeOptions {
  kbId: string;
  baseRevision: number;
  files: Array<{ name: string; text: string }>;
  mode: 'merge' | 'replace';
  actor: ActorRef;
  now: Date;
}

export async function importKnowledge(db: Kysely<Database>, o: ImportKnowledgeOptions): Promise<Result<ImportedKnowledge>> {
  const files = o.files.map((f) => ({ file: f.name, name: f.name.split(/[\\/]/).pop() ?? f.name, text: f.text }));
  const read = knowledgeBaseFromFiles(files, o.kbId, { id: o.kbId });
  if (!read.ok) {
    const shown = read.problems.slice(0, 3).map(formatImportProblem).join('; ');
    const more = read.problems.length > 3 ? ` (and ${read.problems.length - 3} more)` : '';
    return fail('BAD_REQUEST', `Nothing was imported: ${read.problems.length} problem${read.problems.length === 1 ? '' : 's'} — ${shown}${more}.`, {
      importProblems: read.problems.slice(0, 1000),
    });
  }
  const imported = read.value.articles;
  const saved = await editKnowledgeDraft(db, o, (current) => {
    const incoming = new Map(imported.map((a) => [a.id, a]));
    const existing = new Set(current.articles.map((a) => a.id));
    const replaced = imported.filter((a) => existing.has(a.id)).length;
    const articles =
      o.mode === 'replace'
        ? imported
        : [...current.articles.map((a) => incoming.get(a.id) ?? a), ...imported.filter((a) => !existing.has(a.id))];
    const removed = o.mode === 'replace' ? current.articles.filter((a) => !incoming.has(a.id)).length : 0;
    return {
      ok: true,
      document: { ...current, articles },
      result: { added: imported.length - replaced, replaced, removed },
      summary: `import ${o.files.length} file${o.files.length === 1 ? '' : 's'} (${o.mode})`,
    };
  });
  if (!saved.ok) return saved;
  const { result, ...draft } = saved.value;
  return ok({ ...draft, ...result });
}
