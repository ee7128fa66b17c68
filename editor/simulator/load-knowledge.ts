// The knowledge base a simulated flow answers from: the newest committed version of the base the
// draft names — the one a commit of this draft would be pinned to — indexed in the browser with
// the runtime's own code, so the simulator answers as the site runtime will.
import { parseKnowledgeBase } from '../../shared/index.ts';
import { buildKnowledgeIndex, type KnowledgeIndex } from '../../runtime/knowledge/index.ts';
import { api } from '../api/trpc.ts';

const cache = new Map<string, KnowledgeIndex>();

/** The index for `kbId`'s newest version; throws a sentence a designer understands when there is none. */
export async function loadNewestKnowledge(kbId: string): Promise<KnowledgeIndex> {
  const kb = await api.knowledge.get.query({ kbId });
  const newest = kb.versions[0];
  if (!newest) throw new Error(`The knowledge base “${kbId}” has no committed version yet; commit one on the Knowledge screen first.`);
  const hit = cache.get(newest.id);
  if (hit) return hit;
  const exported = await api.knowledge.export.query({ kbId, versionId: newest.id, format: 'json' });
  const parsed = parseKnowledgeBase(JSON.parse(exported.files[0]!.text));
  if (!parsed.ok) throw new Error(`Knowledge base “${kbId}” v${newest.number} could not be read: ${parsed.problems[0]?.message ?? 'unknown problem'}`);
  const index = buildKnowledgeIndex(parsed.kb, { version: newest.contentHash });
  cache.set(newest.id, index);
  return index;
}
