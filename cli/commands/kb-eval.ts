// `switchboard kb-eval --kb <file-or-folder> --test <csv> [--threshold t] [--json]`: how well a
// knowledge base answers labelled questions (CSV `text,article`; article `none` = should be declined).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { answerData } from '../../shared/nodes/answer.ts';
import { buildKnowledgeIndex, evaluateKnowledge, type KnowledgeEvaluation, type LabelledQuestion } from '../../runtime/knowledge/index.ts';
import { parseLabelledCsv } from '../../runtime/nlu/csv.ts';
import type { CliIo } from '../io.ts';
import { formatImportProblem } from '../../runtime/knowledge/formats/import-problem.ts';
import { readKnowledgeSource } from '../knowledge/read-knowledge-source.ts';

const USAGE = 'usage: switchboard kb-eval --kb <folder|file.csv|file.json> --test <questions.csv> [--threshold t] [--json]\n';
/** Test rows whose article is one of these should be declined (no article answers them). */
const NO_ARTICLE = new Set(['none', '-']);

/**
 * Exit codes: 0 done, 1 a file problem (unreadable, bad CSV, unknown article ids), 2 bad usage.
 * The threshold defaults to the answer node's default.
 */
export async function kbEvalCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { kb: { type: 'string' }, test: { type: 'string' }, threshold: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (!values.kb || !values.test) {
    io.stderr(`kb-eval: ${!values.kb ? '--kb <file-or-folder>' : '--test <csv>'} is required\n${USAGE}`);
    return 2;
  }
  const threshold = values.threshold === undefined ? answerData.parse({}).threshold : Number(values.threshold);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    io.stderr(`kb-eval: --threshold must be a number from 0 to 1, got ${JSON.stringify(values.threshold)}\n`);
    return 2;
  }
  const kb = await readKnowledgeSource(values.kb);
  if (!kb.ok) {
    for (const p of kb.problems) io.stderr(`${formatImportProblem(p)}\n`);
    return 1;
  }
  let text: string;
  try {
    text = await readFile(values.test, 'utf8');
  } catch (error) {
    io.stderr(`kb-eval: ${values.test}: cannot read the --test file (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return 1;
  }
  const rows = parseLabelledCsv(text);
  if (!rows.ok) {
    io.stderr(`kb-eval: ${values.test}:${rows.problem.line}: ${rows.problem.message} (expected text,article)\n`);
    return 1;
  }
  if (rows.rows.length === 0) {
    io.stderr(`kb-eval: ${values.test}: no rows (expected a CSV of text,article)\n`);
    return 1;
  }
  const ids = new Set(kb.value.articles.map((a) => a.id));
  const unknown = rows.rows.filter((r) => !NO_ARTICLE.has(r.category) && !ids.has(r.category));
  if (unknown.length > 0) {
    for (const r of unknown.slice(0, 20)) io.stderr(`kb-eval: ${values.test}:${r.line}: no article "${r.category}" in ${values.kb} (use none for questions that should be declined)\n`);
    if (unknown.length > 20) io.stderr(`kb-eval: … and ${unknown.length - 20} more rows with unknown articles\n`);
    return 1;
  }
  const questions: LabelledQuestion[] = rows.rows.map((r) => ({ text: r.text, article: NO_ARTICLE.has(r.category) ? null : r.category }));
  const t0 = performance.now();
  const index = buildKnowledgeIndex(kb.value);
  const indexMs = performance.now() - t0;
  const report = evaluateKnowledge(index, questions, { threshold, now: () => performance.now() });
  if (values.json) io.stdout(`${JSON.stringify(jsonFigures(report, indexMs, kb.value.articles.length))}\n`);
  else io.stdout(textReport(report, indexMs, kb.value.articles.length));
  return 0;
}

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

function jsonFigures(r: KnowledgeEvaluation, indexMs: number, articles: number) {
  const outcome = (o: KnowledgeEvaluation['atThreshold']) => ({
    threshold: o.threshold,
    right: round(o.right),
    wrong: round(o.wrong),
    declined: round(o.declined),
    ...(r.unanswerable > 0 ? { unanswerableAnswered: round(o.unanswerableAnswered) } : {}),
  });
  return {
    articles,
    questions: r.questions,
    answerable: r.answerable,
    unanswerable: r.unanswerable,
    top1: round(r.top1),
    top3: round(r.top3),
    atThreshold: outcome(r.atThreshold),
    thresholds: r.thresholds.map(outcome),
    confusions: r.confusions,
    indexMs: round(indexMs, 1),
    p50Ms: round(r.p50Ms),
    p99Ms: round(r.p99Ms),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(6);

function textReport(r: KnowledgeEvaluation, indexMs: number, articles: number): string {
  const t = r.atThreshold;
  const lines = [
    `${articles} articles indexed in ${indexMs.toFixed(0)} ms; ${r.answerable} questions with an article, ${r.unanswerable} that should be declined`,
    `top-1 hit rate              ${pct(r.top1)}`,
    `top-3 hit rate              ${pct(r.top3)}`,
    `at threshold ${t.threshold}:`,
    `  answered right            ${pct(t.right)}`,
    `  answered wrong            ${pct(t.wrong)}`,
    `  declined                  ${pct(t.declined)}`,
    ...(r.unanswerable > 0 ? [`  should-decline answered   ${pct(t.unanswerableAnswered)}`] : []),
    `search p50 / p99            ${r.p50Ms.toFixed(3)} ms / ${r.p99Ms.toFixed(3)} ms`,
    '',
    `threshold   right   wrong  declined${r.unanswerable > 0 ? '  should-decline answered' : ''}`,
    ...r.thresholds.map((o) => `${o.threshold.toFixed(1).padStart(9)}  ${pct(o.right)}  ${pct(o.wrong)}  ${pct(o.declined)}${r.unanswerable > 0 ? `  ${pct(o.unanswerableAnswered)}` : ''}`),
  ];
  if (r.confusions.length > 0) {
    lines.push('', 'most frequent wrong first articles (expected → found):');
    for (const c of r.confusions) lines.push(`  ${c.count.toString().padStart(4)}  ${c.expected} → ${c.found}`);
  }
  return `${lines.join('\n')}\n`;
}
