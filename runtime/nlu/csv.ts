// A small RFC 4180 CSV reader for labelled utterance files (`text,category`): quoted fields may
// hold commas, doubled quotes and line breaks. Pure TS so the CLI, scripts and browser share it.

/** One parsed record with the 1-based line on which it starts (for error messages). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** A problem found while reading CSV: what went wrong and the 1-based line where. */
export interface CsvProblem {
  line: number;
  message: string;
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; problem: CsvProblem };

/**
 * Parses CSV text into records. Accepts `\n`, `\r\n` and `\r` line ends and a leading BOM;
 * blank lines are skipped. Fails (as a value, never by throwing) on an unterminated quoted
 * field or on text after a closing quote.
 */
export function parseCsv(text: string): CsvResult {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  /** True right after a line start or a comma: a quote here opens a quoted field. */
  let atFieldStart = true;
  /** False only while nothing of the current record has been read (blank lines are skipped). */
  let recordHasContent = false;
  const endRecord = (): void => {
    if (recordHasContent) {
      fields.push(field);
      records.push({ fields, line: recordLine });
    }
    fields = [];
    field = '';
    atFieldStart = true;
    recordHasContent = false;
  };
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && atFieldStart) {
      const quoteLine = line;
      recordHasContent = true;
      atFieldStart = false;
      i++;
      let closed = false;
      let start = i;
      let buf = '';
      while (i < n) {
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            buf += text.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          buf += text.slice(start, i);
          i++;
          closed = true;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        i++;
      }
      if (!closed) return { ok: false, problem: { line: quoteLine, message: 'unterminated quoted field' } };
      field = buf;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return { ok: false, problem: { line, message: `unexpected character ${JSON.stringify(next)} after a closing quote` } };
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      recordHasContent = true;
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (ch === '"') return { ok: false, problem: { line, message: 'a quote inside an unquoted field (quote the whole field and double the quote)' } };
    let j = i;
    while (j < n) {
      const c = text[j]!;
      if (c === ',' || c === '\n' || c === '\r' || c === '"') break;
      j++;
    }
    field += text.slice(i, j);
    atFieldStart = false;
    recordHasContent = true;
    i = j;
  }
  endRecord();
  return { ok: true, records };
}

/** A labelled utterance as read from a `text,category` file. */
export interface LabelledText {
  text: string;
  category: string;
  line: number;
}

export type LabelledResult = { ok: true; rows: LabelledText[] } | { ok: false; problem: CsvProblem };

/**
 * Reads a `text,category` CSV. A first row `text,category` (any case) is treated as a header and
 * skipped. Every other row must have exactly two fields and a non-empty category.
 */
export function parseLabelledCsv(text: string): LabelledResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const rows: LabelledText[] = [];
  for (const [index, record] of parsed.records.entries()) {
    const [a, b] = record.fields;
    if (index === 0 && a?.trim().toLowerCase() === 'text' && record.fields.length === 2) continue;
    if (record.fields.length !== 2 || a === undefined || b === undefined) {
      return { ok: false, problem: { line: record.line, message: `expected 2 fields (text,category), found ${record.fields.length}` } };
    }
    const category = b.trim();
    if (category === '') return { ok: false, problem: { line: record.line, message: 'empty category' } };
    rows.push({ text: a, category, line: record.line });
  }
  return { ok: true, rows };
}
