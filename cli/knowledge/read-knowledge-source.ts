// Reads a knowledge base from what a site has: a folder of Markdown files, a CSV file, a JSON
// knowledge-base document, or one Markdown file. All or nothing: every problem is reported and
// no articles come back if there is any. The parsing is runtime/knowledge/formats/ (shared with
// the studio server's import); this file only reads the disk.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import type { KnowledgeBaseDocument } from '../../shared/index.ts';
import { parseJsonText } from '../read-json-file.ts';
import { articlesFromCsv } from '../../runtime/knowledge/formats/csv-knowledge.ts';
import type { ImportResult } from '../../runtime/knowledge/formats/import-problem.ts';
import {
  MARKDOWN_FILE,
  articlesFromMarkdownFiles,
  assembleKnowledgeBase,
  knowledgeBaseFromValue,
  type KnowledgeSourceOverrides,
  type SourceFile,
} from '../../runtime/knowledge/formats/knowledge-from-files.ts';
import { articleFromMarkdown } from '../../runtime/knowledge/formats/markdown-knowledge.ts';

export type { KnowledgeSourceOverrides } from '../../runtime/knowledge/formats/knowledge-from-files.ts';

/** Reads `path` (file or folder) as a knowledge-base document, validated like any stored one. */
export async function readKnowledgeSource(path: string, overrides: KnowledgeSourceOverrides = {}): Promise<ImportResult<KnowledgeBaseDocument>> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problems: [{ file: path, message: code === 'ENOENT' ? 'the file or folder does not exist' : `it cannot be read (${code ?? String(error)})` }] };
  }
  const stem = basename(path).replace(/\.[^.]+$/, '');
  if (isFolder) {
    const paths = (await markdownFiles(path)).sort();
    if (paths.length === 0) return { ok: false, problems: [{ file: path, message: 'the folder has no Markdown files (*.md)' }] };
    const files: SourceFile[] = [];
    for (const file of paths) files.push({ file, name: basename(file), text: await readFile(file, 'utf8') });
    return assembleKnowledgeBase(articlesFromMarkdownFiles(files, (f) => relative(path, f)), path, stem, overrides);
  }
  const extension = extname(path).toLowerCase();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file: path, message: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` }] };
  }
  if (extension === '.csv') return assembleKnowledgeBase(articlesFromCsv(text, path), path, stem, overrides);
  if (MARKDOWN_FILE.test(extension)) {
    const one = articleFromMarkdown(text, path, basename(path));
    return assembleKnowledgeBase(one.ok ? { ok: true, value: [one.value] } : one, path, stem, overrides);
  }
  if (extension === '.json') {
    const json = parseJsonText(text);
    if (!json.ok) return { ok: false, problems: [{ file: path, message: json.problem.message }] };
    return knowledgeBaseFromValue(json.value, path, overrides);
  }
  return { ok: false, problems: [{ file: path, message: 'unknown format: use a folder of Markdown files, a .csv file, a .json knowledge base or a .md file' }] };
}

/** Markdown files under `folder`, recursively; hidden files and folders are skipped. */
async function markdownFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await markdownFiles(full)));
    else if (entry.isFile() && MARKDOWN_FILE.test(entry.name)) out.push(full);
  }
  return out;
}
