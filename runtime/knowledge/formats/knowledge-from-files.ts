// A knowledge base from the files a site has, given as text: Markdown files (one article each), one
// CSV file, or one JSON document. Shared by the CLI (which reads a path) and the studio server
// (which receives uploads). All or nothing: every problem is reported and no document comes back.
import { parseKnowledgeBase, type KnowledgeArticle, type KnowledgeBaseDocument } from '../../../shared/index.ts';
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

/** One file's text; `file` is how problems name it (a path), `name` its base name. */
export interface SourceFile {
  file: string;
  name: string;
  text: string;
}

export const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** The kind of a file by its name, or null when it is none of the importable formats. */
export function sourceFormat(name: string): 'markdown' | 'csv' | 'json' | null {
  if (MARKDOWN_FILE.test(name)) return 'markdown';
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.json$/i.test(name)) return 'json';
  return null;
}

/** One article per Markdown file; two files with the same article id are a problem (on the second). */
export function articlesFromMarkdownFiles(files: readonly SourceFile[], describe: (file: string) => string = (f) => f): ImportResult<KnowledgeArticle[]> {
  const problems: ImportProblem[] = [];
  const articles: KnowledgeArticle[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, name, text } of files) {
    const one = articleFromMarkdown(text, file, name);
    if (!one.ok) {
      problems.push(...one.problems);
      continue;
    }
    const earlier = fileOf.get(one.value.id);
    if (earlier) {
      problems.push({ file, message: `the article id "${one.value.id}" is also used by ${describe(earlier)}; set a different \`id:\` in the front matter` });
      continue;
    }
    fileOf.set(one.value.id, file);
    articles.push(one.value);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: articles };
}

/** A knowledge-base document (JSON text), with overrides applied, validated like a stored one. */
export function knowledgeBaseFromJson(text: string, file: string, overrides: KnowledgeSourceOverrides = {}): ImportResult<KnowledgeBaseDocument> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ file, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` }] };
  }
  return knowledgeBaseFromValue(value, file, overrides);
}

/** Like knowledgeBaseFromJson for an already decoded value. */
export function knowledgeBaseFromValue(value: unknown, file: string, overrides: KnowledgeSourceOverrides = {}): ImportResult<KnowledgeBaseDocument> {
  const withOverrides =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { ...value, ...(overrides.id ? { id: overrides.id } : {}), ...(overrides.name ? { name: overrides.name } : {}), ...(overrides.locale ? { locale: overrides.locale } : {}) }
      : value;
  const parsed = parseKnowledgeBase(withOverrides);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ file, ...(p.path ? { path: p.path } : {}), message: p.message })) };
  return { ok: true, value: parsed.kb };
}

/** Wraps articles in a knowledge-base document (id from `stem` unless overridden) and validates it. */
export function assembleKnowledgeBase(
  articles: ImportResult<KnowledgeArticle[]>,
  file: string,
  stem: string,
  overrides: KnowledgeSourceOverrides = {},
): ImportResult<KnowledgeBaseDocument> {
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
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ file, ...(p.path ? { path: p.path } : {}), message: p.message })) };
  return { ok: true, value: parsed.kb };
}

/**
 * Reads uploaded files as one knowledge base: any number of Markdown files, or exactly one CSV,
 * or exactly one JSON document (mixing kinds is a problem). `stem` names the result when the
 * files do not (Markdown, CSV).
 */
export function knowledgeBaseFromFiles(files: readonly SourceFile[], stem: string, overrides: KnowledgeSourceOverrides = {}): ImportResult<KnowledgeBaseDocument> {
  if (files.length === 0) return { ok: false, problems: [{ file: stem, message: 'no files were given (choose .md files, one .csv or one .json)' }] };
  const unknown = files.filter((f) => sourceFormat(f.name) === null);
  if (unknown.length > 0) {
    return { ok: false, problems: unknown.map((f) => ({ file: f.file, message: 'unknown format: use Markdown files (.md), one .csv file or one .json knowledge base' })) };
  }
  const kinds = new Set(files.map((f) => sourceFormat(f.name)));
  if (kinds.size > 1 || (!kinds.has('markdown') && files.length > 1)) {
    return { ok: false, problems: [{ file: stem, message: 'import Markdown files together, or one .csv file, or one .json file — not a mix or several CSV/JSON files at once' }] };
  }
  const first = files[0]!;
  if (kinds.has('json')) return knowledgeBaseFromJson(first.text, first.file, overrides);
  if (kinds.has('csv')) return assembleKnowledgeBase(articlesFromCsv(first.text, first.file), first.file, stem, overrides);
  return assembleKnowledgeBase(articlesFromMarkdownFiles(files), first.file, stem, overrides);
}
