// Reads a knowledge base from what a site has: a folder of Markdown files, a CSV file, a JSON
// knowledge-base document, or one Markdown file. All or nothing: every problem is reported and
// no articles come back if there is any.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { parseKnowledgeBase, type KnowledgeArticle, type KnowledgeBaseDocument } from '../../shared/index.ts';
import { parseJsonText } from '../read-json-file.ts';
import { slugify } from './article-slug.ts';
import { articlesFromCsv } from './csv-knowledge.ts';
import type { ImportProblem, ImportResult } from './import-problem.ts';
import { articleFromMarkdown } from './markdown-knowledge.ts';

export interface KnowledgeSourceOverrides {
  /** Default: a JSON document's own id, else the file or folder name as a slug. */
  id?: string;
  /** Default: a JSON document's own name, else the id in words. */
  name?: string;
  /** Default: a JSON document's own locale, else `en`. */
  locale?: string;
}

const MARKDOWN = /\.(md|markdown)$/i;

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
  if (isFolder) return assemble(await readMarkdownFolder(path), path, stem, overrides);
  const extension = extname(path).toLowerCase();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file: path, message: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` }] };
  }
  if (extension === '.csv') return assemble(articlesFromCsv(text, path), path, stem, overrides);
  if (MARKDOWN.test(extension)) {
    const one = articleFromMarkdown(text, path, basename(path));
    return assemble(one.ok ? { ok: true, value: [one.value] } : one, path, stem, overrides);
  }
  if (extension === '.json') return readJsonDocument(text, path, overrides);
  return { ok: false, problems: [{ file: path, message: 'unknown format: use a folder of Markdown files, a .csv file, a .json knowledge base or a .md file' }] };
}

function readJsonDocument(text: string, file: string, overrides: KnowledgeSourceOverrides): ImportResult<KnowledgeBaseDocument> {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, problems: [{ file, message: json.problem.message }] };
  const value = json.value;
  const withOverrides =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { ...value, ...(overrides.id ? { id: overrides.id } : {}), ...(overrides.name ? { name: overrides.name } : {}), ...(overrides.locale ? { locale: overrides.locale } : {}) }
      : value;
  const parsed = parseKnowledgeBase(withOverrides);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ file, ...(p.path ? { path: p.path } : {}), message: p.message })) };
  return { ok: true, value: parsed.kb };
}

async function readMarkdownFolder(folder: string): Promise<ImportResult<KnowledgeArticle[]>> {
  const files = (await markdownFiles(folder)).sort();
  if (files.length === 0) return { ok: false, problems: [{ file: folder, message: 'the folder has no Markdown files (*.md)' }] };
  const problems: ImportProblem[] = [];
  const articles: KnowledgeArticle[] = [];
  const fileOf = new Map<string, string>();
  for (const file of files) {
    const one = articleFromMarkdown(await readFile(file, 'utf8'), file, basename(file));
    if (!one.ok) {
      problems.push(...one.problems);
      continue;
    }
    const earlier = fileOf.get(one.value.id);
    if (earlier) {
      problems.push({ file, message: `the article id "${one.value.id}" is also used by ${relative(folder, earlier)}; set a different \`id:\` in the front matter` });
      continue;
    }
    fileOf.set(one.value.id, file);
    articles.push(one.value);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: articles };
}

/** Markdown files under `folder`, recursively; hidden files and folders are skipped. */
async function markdownFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await markdownFiles(full)));
    else if (entry.isFile() && MARKDOWN.test(entry.name)) out.push(full);
  }
  return out;
}

function assemble(articles: ImportResult<KnowledgeArticle[]>, path: string, stem: string, overrides: KnowledgeSourceOverrides): ImportResult<KnowledgeBaseDocument> {
  if (!articles.ok) return articles;
  const id = overrides.id ?? (slugify(stem) || 'knowledge-base');
  const words = id.replace(/[-_]+/g, ' ').trim();
  const doc = {
    schemaVersion: 1,
    id,
    name: overrides.name ?? (words ? words[0]!.toUpperCase() + words.slice(1) : id),
    locale: overrides.locale ?? 'en',
    articles: articles.value,
  };
  const parsed = parseKnowledgeBase(doc);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ file: path, ...(p.path ? { path: p.path } : {}), message: p.message })) };
  return { ok: true, value: parsed.kb };
}
