// One knowledge-base article per Markdown file. Optional front matter between `---` lines sets
// `title`, `url`, `tags`, `id` and `locale`; without a title the first `# heading` is the title
// (and leaves the body); without an id the file name is the id.
import { articleId, knowledgeArticle, type KnowledgeArticle } from '../../../shared/index.ts';
import { slugify } from './article-slug.ts';
import type { ImportProblem, ImportResult } from './import-problem.ts';

const KEYS = ['title', 'url', 'tags', 'id', 'locale'] as const;
type Key = (typeof KEYS)[number];
type FrontMatter = Partial<Record<Key, string | string[]>>;

/** Reads one article; `name` is the file name (its stem becomes the id unless front matter gives one). */
export function articleFromMarkdown(text: string, file: string, name: string): ImportResult<KnowledgeArticle> {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = readFrontMatter(source, file);
  if (!front.ok) return front;
  const { meta, body: rest, bodyLine } = front.value;
  const problems: ImportProblem[] = [];

  let title = typeof meta.title === 'string' ? meta.title.trim() : '';
  let body = rest;
  if (!title) {
    const heading = /^(?:[ \t]*\n)*[ \t]{0,3}#[ \t]+(.+?)[ \t#]*(?:\n|$)/.exec(rest);
    if (heading) {
      title = heading[1]!.trim();
      body = rest.slice(heading[0].length);
    } else {
      problems.push({ file, message: 'no title: add `title:` front matter or start the file with a `# Heading`' });
    }
  }
  const stem = name.replace(/\.(md|markdown)$/i, '');
  const id = typeof meta.id === 'string' ? meta.id.trim() : articleId.safeParse(stem).success ? stem : slugify(stem);
  if (!id) problems.push({ file, message: `cannot make an article id from the file name "${name}"; add \`id:\` front matter` });
  if (problems.length > 0) return { ok: false, problems };

  const tags = meta.tags === undefined ? [] : Array.isArray(meta.tags) ? meta.tags : meta.tags.split(',').map((t) => t.trim()).filter(Boolean);
  const candidate = {
    id,
    title,
    body: body.trim(),
    ...(typeof meta.url === 'string' && meta.url.trim() ? { url: meta.url.trim() } : {}),
    tags,
    ...(typeof meta.locale === 'string' && meta.locale.trim() ? { locale: meta.locale.trim() } : {}),
  };
  const checked = knowledgeArticle.safeParse(candidate);
  if (!checked.success) {
    return {
      ok: false,
      problems: checked.error.issues.map((issue) => ({ file, ...(issue.path[0] === 'body' ? { line: bodyLine } : {}), message: `${String(issue.path[0] ?? 'article')}: ${issue.message}` })),
    };
  }
  return { ok: true, value: checked.data };
}

/**
 * The YAML subset front matter uses here: `key: value` (quotes optional), and for tags an inline
 * list `[a, b]`, a comma list, or `- item` lines. Unknown keys are problems (typos surface).
 */
function readFrontMatter(source: string, file: string): ImportResult<{ meta: FrontMatter; body: string; bodyLine: number }> {
  if (!/^---[ \t]*\n/.test(source)) return { ok: true, value: { meta: {}, body: source, bodyLine: 1 } };
  const lines = source.split('\n');
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
  if (end < 0) return { ok: false, problems: [{ file, line: 1, message: 'the front matter that starts here is never closed with a `---` line' }] };
  const meta: FrontMatter = {};
  const problems: ImportProblem[] = [];
  let listKey: Key | null = null;
  for (let i = 1; i < end; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const item = /^[ \t]*-[ \t]+(.*)$/.exec(line);
    if (item && listKey) {
      const list = meta[listKey];
      meta[listKey] = [...(Array.isArray(list) ? list : []), unquote(item[1]!)];
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!pair) {
      problems.push({ file, line: lineNo, message: `cannot read this front matter line (expected "key: value"): ${JSON.stringify(line.trim())}` });
      continue;
    }
    const key = pair[1]!.toLowerCase();
    const value = pair[2]!.trim();
    if (!(KEYS as readonly string[]).includes(key)) {
      problems.push({ file, line: lineNo, message: `unknown front matter key "${pair[1]}" (use ${KEYS.join(', ')})` });
      listKey = null;
      continue;
    }
    listKey = value === '' ? (key as Key) : null;
    if (value === '') meta[key as Key] = [];
    else if (value.startsWith('[')) {
      if (!value.endsWith(']')) problems.push({ file, line: lineNo, message: `the list for "${key}" is not closed with "]"` });
      else meta[key as Key] = (value.slice(1, -1).match(/\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+)/g) ?? []).map(unquote).filter(Boolean);
    } else meta[key as Key] = unquote(value);
  }
  for (const key of ['title', 'url', 'id', 'locale'] as const) {
    const value = meta[key];
    if (Array.isArray(value)) {
      if (value.length === 0) delete meta[key];
      else problems.push({ file, message: `front matter "${key}" should be one value, not a list` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { meta, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 } };
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    try {
      return String(JSON.parse(v));
    } catch {
      return v.slice(1, -1);
    }
  }
  return v;
}

const yamlString = (s: string): string => (/^[\w ./:?&=%+()-]*$/.test(s) && !/^[\s-]|\s$|: /.test(s) && s !== '' ? s : JSON.stringify(s));

/** One article as a Markdown file: front matter (title, url, tags, locale) and the body. The file name carries the id. */
export function articleToMarkdown(article: KnowledgeArticle): string {
  const lines = ['---', `title: ${yamlString(article.title)}`];
  if (article.url) lines.push(`url: ${yamlString(article.url)}`);
  if (article.tags.length > 0) lines.push(`tags: [${article.tags.map(yamlString).join(', ')}]`);
  if (article.locale) lines.push(`locale: ${yamlString(article.locale)}`);
  lines.push('---', '', article.body.trim(), '');
  return lines.join('\n');
}
