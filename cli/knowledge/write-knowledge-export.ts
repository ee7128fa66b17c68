// Writes a knowledge base as JSON, CSV or a folder of Markdown files. Each is written to a
// temporary name beside the target and renamed into place, so a failure never leaves half a file.
import { mkdtemp, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { KnowledgeBaseDocument } from '../../shared/index.ts';
import { articlesToCsv } from '../../runtime/knowledge/formats/csv-knowledge.ts';
import { articleToMarkdown } from '../../runtime/knowledge/formats/markdown-knowledge.ts';

export const exportFormats = ['json', 'csv', 'markdown'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A knowledge-base document as the JSON the CLI and flows/knowledge/ use. */
export function knowledgeBaseToJson(kb: KnowledgeBaseDocument): string {
  return `${JSON.stringify(kb, null, 1)}\n`;
}

/**
 * Writes `kb` to `out`. json and csv replace the file; markdown writes `<article id>.md` files
 * into the folder `out`, which must not exist yet or be empty. Returns an error sentence or null.
 */
export async function writeKnowledgeExport(kb: KnowledgeBaseDocument, format: ExportFormat, out: string): Promise<string | null> {
  if (format === 'json') return writeFileAtomically(out, knowledgeBaseToJson(kb));
  if (format === 'csv') return writeFileAtomically(out, articlesToCsv(kb.articles));
  return writeMarkdownFolder(kb, out);
}

/** Writes next to `path` first, then renames over it. */
export async function writeFileAtomically(path: string, text: string): Promise<string | null> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
    return null;
  } catch (error) {
    await rm(temporary, { force: true });
    return `cannot write ${path}: ${(error as Error).message}`;
  }
}

async function writeMarkdownFolder(kb: KnowledgeBaseDocument, out: string): Promise<string | null> {
  const existing = await stat(out).catch(() => null);
  if (existing && (!existing.isDirectory() || (await readdir(out)).length > 0)) return `${out} already exists and is not an empty folder; choose a new folder`;
  const lowerIds = new Map<string, string>();
  for (const a of kb.articles) {
    const clash = lowerIds.get(a.id.toLowerCase());
    if (clash) return `articles "${clash}" and "${a.id}" would get the same file name on case-insensitive file systems; rename one`;
    lowerIds.set(a.id.toLowerCase(), a.id);
  }
  let temporary: string | null = null;
  try {
    temporary = await mkdtemp(join(dirname(out), `.${basename(out)}.tmp-`));
    for (const article of kb.articles) await writeFile(join(temporary, `${article.id}.md`), articleToMarkdown(article));
    if (existing) await rmdir(out);
    await rename(temporary, out);
    return null;
  } catch (error) {
    if (temporary) await rm(temporary, { recursive: true, force: true });
    return `cannot write ${out}: ${(error as Error).message}`;
  }
}
