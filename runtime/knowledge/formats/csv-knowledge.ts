// Knowledge-base articles as CSV: `question,answer[,url,tags]` with an optional header row, which
// may also name `id` and `locale` columns in any order. Tags are separated by `|` or `;`
// (commas separate fields). Quoted fields may hold commas, doubled quotes and line breaks.
import { knowledgeArticle, type KnowledgeArticle } from '../../../shared/index.ts';
import { parseCsv } from '../../nlu/csv.ts';
import { uniqueSlug } from './article-slug.ts';
import type { ImportProblem, ImportResult } from './import-problem.ts';

const COLUMNS = ['id', 'question', 'answer', 'url', 'tags', 'locale'] as const;
type Column = (typeof COLUMNS)[number];
/** Without a header row the columns are, in order: */
const POSITIONAL: Column[] = ['question', 'answer', 'url', 'tags'];

/** Splits a tags cell on `|` or `;`, trimming and dropping empties. */
export function splitTags(cell: string): string[] {
  return cell
    .split(/[|;]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/**
 * Reads articles from CSV text. The title is the question and the body the answer (Markdown).
 * Without an `id` column, ids are made from the questions (`how-do-i-change-my-pin`, `-2` on
 * repeats). Every bad row is a problem with its line; any problem means no articles.
 */
export function articlesFromCsv(text: string, file: string): ImportResult<KnowledgeArticle[]> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problems: [{ file, line: parsed.problem.line, message: `not valid CSV: ${parsed.problem.message}` }] };
  const records = parsed.records;
  if (records.length === 0) return { ok: false, problems: [{ file, message: 'the file has no rows (expected question,answer[,url,tags])' }] };

  const problems: ImportProblem[] = [];
  const first = records[0]!;
  const headerCells = first.fields.map((f) => f.trim().toLowerCase());
  const isHeader = headerCells.includes('question') && headerCells.includes('answer');
  let columns: Column[];
  if (isHeader) {
    columns = [];
    headerCells.forEach((cell, i) => {
      if (!(COLUMNS as readonly string[]).includes(cell)) problems.push({ file, line: first.line, message: `unknown column "${first.fields[i]}" (use ${COLUMNS.join(', ')})` });
      else if (columns.includes(cell as Column)) problems.push({ file, line: first.line, message: `the column "${cell}" appears twice` });
      columns.push(cell as Column);
    });
    if (problems.length > 0) return { ok: false, problems };
  } else {
    columns = POSITIONAL;
  }

  const rows = isHeader ? records.slice(1) : records;
  if (rows.length === 0) return { ok: false, problems: [{ file, message: 'the file has a header but no articles' }] };
  const explicitIds = new Map<string, number>();
  const drafts: Array<{ line: number; fields: Partial<Record<Column, string>> }> = [];
  for (const record of rows) {
    const { line } = record;
    const expected = isHeader ? `${columns.length} (${columns.join(',')})` : '2 to 4 (question,answer[,url,tags])';
    const count = record.fields.length;
    if (isHeader ? count !== columns.length : count < 2 || count > POSITIONAL.length) {
      problems.push({ file, line, message: `expected ${expected} fields, found ${count}` });
      continue;
    }
    const fields: Partial<Record<Column, string>> = {};
    record.fields.forEach((value, i) => (fields[columns[i]!] = value));
    const rowProblems: string[] = [];
    if (!fields.question?.trim()) rowProblems.push('the question is empty');
    if (!fields.answer?.trim()) rowProblems.push('the answer is empty');
    const id = fields.id?.trim();
    if (id) {
      const earlier = explicitIds.get(id);
      if (earlier !== undefined) rowProblems.push(`the id "${id}" is also used on line ${earlier}`);
      else explicitIds.set(id, line);
    }
    for (const message of rowProblems) problems.push({ file, line, message });
    if (rowProblems.length === 0) drafts.push({ line, fields });
  }

  const taken = new Set(explicitIds.keys());
  const articles: KnowledgeArticle[] = [];
  for (const { line, fields } of drafts) {
    const candidate = {
      id: fields.id?.trim() || uniqueSlug(fields.question!, taken),
      title: fields.question!.trim(),
      body: fields.answer!.trim(),
      ...(fields.url?.trim() ? { url: fields.url.trim() } : {}),
      tags: splitTags(fields.tags ?? ''),
      ...(fields.locale?.trim() ? { locale: fields.locale.trim() } : {}),
    };
    const checked = knowledgeArticle.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const column = columnOf(String(issue.path[0] ?? ''));
        problems.push({ file, line, message: `${column}: ${issue.message}` });
      }
      continue;
    }
    articles.push(checked.data);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: articles };
}

function columnOf(field: string): string {
  return field === 'title' ? 'question' : field === 'body' ? 'answer' : field;
}

const quote = (s: string): string => (/[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes articles as CSV with a header `id,question,answer,url,tags` (and `locale` when any article has one); tags joined by `|`. */
export function articlesToCsv(articles: readonly KnowledgeArticle[]): string {
  const withLocale = articles.some((a) => a.locale !== undefined);
  const header = ['id', 'question', 'answer', 'url', 'tags', ...(withLocale ? ['locale'] : [])];
  const lines = articles.map((a) =>
    [a.id, a.title, a.body.trim(), a.url ?? '', a.tags.join('|'), ...(withLocale ? [a.locale ?? ''] : [])].map(quote).join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
