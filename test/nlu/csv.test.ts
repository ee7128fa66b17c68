// The labelled-CSV reader: RFC 4180 quoting, line ends, and problems reported with their line.
import { describe, expect, it } from 'vitest';
import { parseCsv, parseLabelledCsv } from '../../runtime/nlu/csv.ts';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    const r = parseCsv('text,category\n"a, b",x\n"say ""hi""",y\r\n"two\nlines",z\n\n');
    expect(r).toEqual({
      ok: true,
      records: [
        { fields: ['text', 'category'], line: 1 },
        { fields: ['a, b', 'x'], line: 2 },
        { fields: ['say "hi"', 'y'], line: 3 },
        { fields: ['two\nlines', 'z'], line: 4 },
      ],
    });
  });

  it('keeps empty fields and skips a BOM', () => {
    expect(parseCsv('\ufeffa,,c')).toEqual({ ok: true, records: [{ fields: ['a', '', 'c'], line: 1 }] });
  });

  it('reports an unterminated quote at the line where it opened', () => {
    expect(parseCsv('a,b\nc,"open\nstill open')).toEqual({ ok: false, problem: { line: 2, message: 'unterminated quoted field' } });
  });

  it('reports text after a closing quote', () => {
    const r = parseCsv('a,b\n"x"y,z');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.line).toBe(2);
  });
});

describe('parseLabelledCsv', () => {
  it('skips the header and keeps line numbers', () => {
    expect(parseLabelledCsv('text,category\nhello,greet\n"multi\nline",x\nbye,oos\n')).toEqual({
      ok: true,
      rows: [
        { text: 'hello', category: 'greet', line: 2 },
        { text: 'multi\nline', category: 'x', line: 3 },
        { text: 'bye', category: 'oos', line: 5 },
      ],
    });
  });

  it('names the line of a row with the wrong number of fields', () => {
    expect(parseLabelledCsv('text,category\na,b\nc,d,e\n')).toEqual({ ok: false, problem: { line: 3, message: 'expected 2 fields (text,category), found 3' } });
    expect(parseLabelledCsv('a,\n')).toEqual({ ok: false, problem: { line: 1, message: 'empty category' } });
  });
});
