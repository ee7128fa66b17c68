// Documents read back from the database are parsed with the shared schema again: a row that no
// longer parses (or no longer matches its hash) is corruption or tampering, never trusted.
import { parseFlow, type FlowDocument } from '../../shared/index.ts';
import { contentHash } from './content-hash.ts';

export class StoredDocumentError extends Error {}

/** Parses a stored version document; throws StoredDocumentError when it does not parse. */
export function parseStoredDocument(row: { id: string; document: string }): FlowDocument {
  let json: unknown;
  try {
    json = JSON.parse(row.document);
  } catch {
    throw new StoredDocumentError(`Version ${row.id}: stored document is not JSON.`);
  }
  const parsed = parseFlow(json);
  if (!parsed.ok) throw new StoredDocumentError(`Version ${row.id}: stored document no longer parses (${parsed.problems[0]?.message ?? 'unknown problem'}).`);
  return parsed.doc;
}

/** True when the stored document (with its knowledge-base version, if any) parses and still hashes to the stored content hash. */
export function storedDocumentIntact(row: { id: string; document: string; content_hash: string; knowledge_version_id?: string | null }): boolean {
  try {
    return contentHash(parseStoredDocument(row), row.knowledge_version_id ?? null) === row.content_hash;
  } catch (error) {
    if (error instanceof StoredDocumentError) return false;
    throw error;
  }
}
