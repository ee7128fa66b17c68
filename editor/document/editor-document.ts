// The draft as the editor holds it: a flow document that may be invalid while someone works on
// it. Node data stays raw (unknown) and is parsed per type where it is shown, exactly as
// shared/parse-flow.ts does, so a mistake in one node never hides the rest of the flow.
import type { FlowDocumentInput, JsonObject } from '../../shared/index.ts';

export interface EditorNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  data: unknown;
}

export interface EditorEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

export type EditorDoc = Omit<FlowDocumentInput, 'nodes' | 'edges'> & { nodes: EditorNode[]; edges: EditorEdge[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * Reads a stored draft. Nodes and edges get the defaults the schema would give them (position
 * 0,0; port `next`) so the canvas can draw them; everything else is kept as written, so the
 * problems panel can still point at it.
 */
export function toEditorDoc(json: JsonObject | Record<string, unknown>): EditorDoc {
  const nodes: EditorNode[] = (Array.isArray(json.nodes) ? json.nodes : []).filter(isRecord).map((n, i) => ({
    ...n,
    id: typeof n.id === 'string' ? n.id : `node_${i + 1}`,
    type: typeof n.type === 'string' ? n.type : 'unknown',
    position: isRecord(n.position) ? { x: finite(n.position.x), y: finite(n.position.y) } : { x: 0, y: 0 },
    data: n.data === undefined ? {} : n.data,
  }));
  const edges: EditorEdge[] = (Array.isArray(json.edges) ? json.edges : []).filter(isRecord).map((e, i) => ({
    ...e,
    id: typeof e.id === 'string' ? e.id : `edge_${i + 1}`,
    source: typeof e.source === 'string' ? e.source : '',
    sourceHandle: typeof e.sourceHandle === 'string' ? e.sourceHandle : 'next',
    target: typeof e.target === 'string' ? e.target : '',
  }));
  return { ...(json as FlowDocumentInput), nodes, edges };
}

/** The draft as JSON for the server (the same object: the editor only ever writes JSON values). */
export function toJsonDocument(doc: EditorDoc): JsonObject {
  return doc as unknown as JsonObject;
}

export function nodeById(doc: EditorDoc, id: string): EditorNode | undefined {
  return doc.nodes.find((n) => n.id === id);
}

/** Names of the flow's intents, in order. */
export function intentNames(doc: EditorDoc): string[] {
  return (doc.intents ?? []).map((i) => i.name);
}
