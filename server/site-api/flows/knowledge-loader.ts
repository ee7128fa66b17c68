// Where the server finds the knowledge base a flow names (`knowledge.base`). Until knowledge-base
// versions are stored in the database, it reads `<flowsDir>/knowledge/<id>.json`, as the CLI does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseKnowledgeBase } from '../../../shared/index.ts';
import { buildKnowledgeIndex, type KnowledgeBase } from '../../../runtime/index.ts';

/** Loads knowledge base `id` for a flow version, or says why it cannot. */
export type KnowledgeLoader = (id: string) => Promise<{ ok: true; knowledge: KnowledgeBase } | { ok: false; message: string }>;

/** Reads and indexes `<dir>/knowledge/<id>.json`. */
export function fileKnowledgeLoader(dir: string): KnowledgeLoader {
  return async (id) => {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(dir, 'knowledge', `${id}.json`), 'utf8'));
    } catch (error) {
      return { ok: false, message: `knowledge base "${id}" could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
    const parsed = parseKnowledgeBase(json);
    if (!parsed.ok) return { ok: false, message: `knowledge base "${id}": ${parsed.problems[0]?.path}: ${parsed.problems[0]?.message}` };
    if (parsed.kb.id !== id) return { ok: false, message: `knowledge/${id}.json has the id "${parsed.kb.id}"` };
    return { ok: true, knowledge: buildKnowledgeIndex(parsed.kb) };
  };
}
