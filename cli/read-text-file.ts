// Reads a text file for a CLI command; a missing or unreadable file is a sentence, not a stack trace.
import { readFile } from 'node:fs/promises';

export type ReadTextResult = { ok: true; text: string } | { ok: false; why: string };

export async function readTextFile(path: string): Promise<ReadTextResult> {
  try {
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a folder, not a file' : `it cannot be read (${code ?? String(error)})`;
    return { ok: false, why };
  }
}
