// Reads a JSON file for the CLI; a missing file or bad JSON is a problem with a line and column.
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Problem } from '../shared/index.ts';
import { readTextFile } from './read-text-file.ts';

export type ReadJsonResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

export async function readJsonFile(path: string): Promise<ReadJsonResult> {
  const read = await readTextFile(path);
  if (!read.ok) return { ok: false, problem: { code: 'invalid_json', severity: 'error', path: '', message: `Cannot read the flow: ${read.why}.` } };
  return parseJsonText(read.text);
}

/** Parses strict JSON; on failure the problem names the line and column (via jsonc-parser's error offsets). */
export function parseJsonText(text: string, what = 'The file'): ReadJsonResult {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch {
    const errors: ParseError[] = [];
    parseTree(source, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    let where = '';
    if (first) {
      const before = source.slice(0, first.offset).split('\n');
      where = ` at line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1} (${describeError(first.error)})`;
    }
    return { ok: false, problem: { code: 'invalid_json', severity: 'error', path: '', message: `${what} is not valid JSON${where}.` } };
  }
}

function describeError(code: number): string {
  return printParseErrorCode(code).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
