// Content identity of a knowledge-base document: SHA-256 of its canonical JSON (article order
// included — it breaks ties between equal scores).
import type { KnowledgeBaseDocument } from '../../shared/index.ts';
import { canonicalJson } from '../crypto/canonical-json.ts';
import { sha256Hex } from '../crypto/digest.ts';

export function knowledgeContentHash(doc: KnowledgeBaseDocument): string {
  return sha256Hex(canonicalJson(doc));
}
