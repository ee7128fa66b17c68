// Reads a JSON file for the CLI; a missing file or bad JSON is a problem with a line and column.
import { readFile } from 'node:fs/promises';
import type { Problem } from '../shared/index.ts';

export type ReadJsonResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

export async function readJsonFile(path: string): Promise<ReadJsonResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a folder, not a file' : `it cannot be read (${code ?? String(error)})`;
    return { ok: false, problem: { code: 'invalid_json', severity: 'error', path: '', message: `Cannot read the flow: ${why}.` } };
  }
  return parseJsonText(text);
}

export function parseJsonText(text: string): ReadJsonResult {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(message.match(/position (\d+)/)?.[1]);
    let where = '';
    if (Number.isFinite(position)) {
      const before = text.slice(0, position).split('\n');
      where = ` at line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
    }
    return { ok: false, problem: { code: 'invalid_json', severity: 'error', path: '', message: `The file is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '')}.` } };
  }
}
