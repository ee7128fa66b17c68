// Reads an uploaded labelled CSV for replay before publish: a header naming the columns
// `text[,expected_intent][,should_escalate]` (any order), then one customer message per row.
// Every bad row is reported with its row number, so a designer can fix the file in one go.
import { parseCsv } from '../nlu/csv.ts';
import type { ReplayCase } from './compare-versions.ts';

export interface ReplayCsvProblem {
  /** 1-based row as a spreadsheet shows it: the header is row 1. */
  row: number;
  message: string;
}

export type ReplayCsvResult = { ok: true; cases: ReplayCase[] } | { ok: false; problems: ReplayCsvProblem[] };

export interface ReplayCsvOptions {
  /** Intent names an `expected_intent` may use. */
  intents: ReadonlySet<string>;
  /** More rows than this is an error. Default 5000. */
  maxRows?: number;
  /** Problems reported before giving up. Default 50. */
  maxProblems?: number;
}

const COLUMNS = ['text', 'expected_intent', 'should_escalate'] as const;
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

export function parseReplayCsv(text: string, o: ReplayCsvOptions): ReplayCsvResult {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, problems: [{ row: csv.problem.line, message: `line ${csv.problem.line}: ${csv.problem.message}` }] };
  const [header, ...rows] = csv.records;
  if (!header) return { ok: false, problems: [{ row: 1, message: 'The file is empty: expected a header row "text,expected_intent,should_escalate" and then one message per row.' }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const problems: ReplayCsvProblem[] = [];
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0 || !names.includes('text') || new Set(names).size !== names.length) {
    const why = !names.includes('text') ? 'there is no "text" column' : unknown.length > 0 ? `unknown column${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `"${u}"`).join(', ')}` : 'a column is named twice';
    return { ok: false, problems: [{ row: 1, message: `Row 1 must name the columns text[,expected_intent][,should_escalate]: ${why}.` }] };
  }
  const maxRows = o.maxRows ?? 5000;
  if (rows.length === 0) return { ok: false, problems: [{ row: 2, message: 'There are no messages after the header row.' }] };
  if (rows.length > maxRows) return { ok: false, problems: [{ row: maxRows + 2, message: `The file has ${rows.length} messages; at most ${maxRows} can be replayed at once.` }] };
  const at = (name: (typeof COLUMNS)[number]) => names.indexOf(name);

  const cases: ReplayCase[] = [];
  rows.forEach((record, i) => {
    const row = i + 2;
    if (problems.length >= (o.maxProblems ?? 50)) return;
    const bad = (message: string) => void problems.push({ row, message: `Row ${row}: ${message}` });
    if (record.fields.length !== names.length) return bad(`expected ${names.length} field${names.length === 1 ? '' : 's'} (${names.join(', ')}) but found ${record.fields.length}.`);
    const message = record.fields[at('text')]!.trim();
    if (!message) return bad('the text is empty.');
    const label: { expectedIntent?: string; shouldEscalate?: boolean } = {};
    if (at('expected_intent') >= 0) {
      const intent = record.fields[at('expected_intent')]!.trim();
      if (intent && !o.intents.has(intent)) return bad(`"${intent}" is not an intent of this flow (${[...o.intents].sort().join(', ') || 'it has none'}).`);
      if (intent) label.expectedIntent = intent;
    }
    if (at('should_escalate') >= 0) {
      const raw = record.fields[at('should_escalate')]!.trim().toLowerCase();
      if (raw && !YES.has(raw) && !NO.has(raw)) return bad(`should_escalate must be yes or no (or empty), not "${record.fields[at('should_escalate')]!.trim()}".`);
      if (raw) label.shouldEscalate = YES.has(raw);
    }
    cases.push({ id: `row ${row}`, messages: [message], label: Object.keys(label).length > 0 ? label : null });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cases };
}
