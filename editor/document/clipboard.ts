// Copy and paste of a selection: the nodes and the edges between them, as JSON text so it also
// travels through the system clipboard (between tabs and flows).
import type { EditorDoc, EditorEdge, EditorNode } from './editor-document.ts';
import { uniqueId } from './ids.ts';

const MARKER = 'switchboard/fragment@1';

export interface Fragment {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

export function copyFragment(doc: EditorDoc, nodeIds: ReadonlySet<string>): Fragment {
  return {
    nodes: doc.nodes.filter((n) => nodeIds.has(n.id)),
    edges: doc.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)),
  };
}

export function fragmentToText(fragment: Fragment): string {
  return JSON.stringify({ kind: MARKER, ...fragment });
}

export function fragmentFromText(text: string): Fragment | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const v = value as { kind?: unknown; nodes?: unknown; edges?: unknown };
    if (v.kind !== MARKER || !Array.isArray(v.nodes) || !Array.isArray(v.edges)) return null;
    return { nodes: v.nodes as EditorNode[], edges: v.edges as EditorEdge[] };
  } catch {
    return null;
  }
}

/** Pastes with fresh ids (a Start node is skipped when the flow has one), shifted by `offset`. */
export function pasteFragment(doc: EditorDoc, fragment: Fragment, offset: { x: number; y: number }): { doc: EditorDoc; nodeIds: string[] } {
  const takenNodes = new Set(doc.nodes.map((n) => n.id));
  const takenEdges = new Set(doc.edges.map((e) => e.id));
  const hasStart = doc.nodes.some((n) => n.type === 'start');
  const idMap = new Map<string, string>();
  const nodes: EditorNode[] = [];
  for (const node of fragment.nodes) {
    if (node.type === 'start' && hasStart) continue;
    const id = uniqueId(node.id.replace(/_copy(_\d+)?$/, '') + '_copy', takenNodes);
    takenNodes.add(id);
    idMap.set(node.id, id);
    nodes.push({ ...node, id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y }, data: structuredClone(node.data) });
  }
  const edges: EditorEdge[] = [];
  for (const edge of fragment.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target) continue;
    const id = uniqueId(`e_${source}_${edge.sourceHandle}`, takenEdges);
    takenEdges.add(id);
    edges.push({ id, source, sourceHandle: edge.sourceHandle, target });
  }
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, nodeIds: nodes.map((n) => n.id) };
}
