// The CLI's answer to "which knowledge base does this flow use?": a flow file naming
// `knowledge.base: "<id>"` gets `knowledge/<id>.json` beside it (flows/knowledge/ for flows/),
// indexed on load. The server will load the stored index of the version instead.
import { dirname, join } from 'node:path';
import { buildKnowledgeIndex, type KnowledgeIndex } from '../../runtime/index.ts';
import type { ImportProblem } from '../../runtime/knowledge/formats/import-problem.ts';
import { readKnowledgeSource } from './read-knowledge-source.ts';

/** Where the CLI looks for knowledge base `id` of the flow in `flowFile`. */
export function knowledgeBasePath(flowFile: string, id: string): string {
  return join(dirname(flowFile), 'knowledge', `${id}.json`);
}

/** The id in `knowledge.base` of a flow document not yet validated, or null. */
export function knowledgeBaseIdOf(flow: unknown): string | null {
  if (typeof flow !== 'object' || flow === null) return null;
  const knowledge = (flow as { knowledge?: unknown }).knowledge;
  if (typeof knowledge !== 'object' || knowledge === null) return null;
  const base = (knowledge as { base?: unknown }).base;
  return typeof base === 'string' ? base : null;
}

export type FlowKnowledgeResult = { ok: true; knowledge: KnowledgeIndex | undefined } | { ok: false; problems: ImportProblem[] };

/** Loads and indexes the flow's knowledge base; `knowledge` is undefined when the flow names none. */
export async function loadFlowKnowledge(flowFile: string, flow: unknown): Promise<FlowKnowledgeResult> {
  const id = knowledgeBaseIdOf(flow);
  if (id === null) return { ok: true, knowledge: undefined };
  const path = knowledgeBasePath(flowFile, id);
  const read = await readKnowledgeSource(path);
  if (!read.ok) return { ok: false, problems: read.problems.map((p) => ({ ...p, message: `knowledge base "${id}": ${p.message}` })) };
  if (read.value.id !== id) return { ok: false, problems: [{ file: path, path: 'id', message: `has the id "${read.value.id}", but the flow names "${id}"` }] };
  return { ok: true, knowledge: buildKnowledgeIndex(read.value) };
}
