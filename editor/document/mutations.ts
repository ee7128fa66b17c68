// Every change the editor makes to a draft, as pure functions: document in, document out, with
// structural sharing so unchanged nodes keep their identity (the canvas re-renders only what changed).
import type { EditorDoc, EditorEdge, EditorNode } from './editor-document.ts';
import { definitionOf, portsOfRaw } from './node-ports.ts';
import { nextNodeId, uniqueId } from './ids.ts';

export interface Point {
  x: number;
  y: number;
}

/** Adds a node of `type` with its defaults at `position`; returns the new document and the node's id. */
export function addNode(doc: EditorDoc, type: string, position: Point): { doc: EditorDoc; id: string } {
  const def = definitionOf(type);
  const id = nextNodeId(type, new Set(doc.nodes.map((n) => n.id)));
  const node: EditorNode = { id, type, position: { x: Math.round(position.x), y: Math.round(position.y) }, data: def ? def.defaults() : {} };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

export interface UpdateNodeOptions {
  /** Ports renamed by this change (old id → new id): their edges follow. */
  portRenames?: Record<string, string>;
}

/**
 * Replaces a node's data. Edges leaving ports the node no longer has are removed, but only when
 * the new data is valid (so half-typed data never drops connections).
 */
export function updateNodeData(doc: EditorDoc, nodeId: string, data: unknown, options: UpdateNodeOptions = {}): EditorDoc {
  const index = doc.nodes.findIndex((n) => n.id === nodeId);
  const node = doc.nodes[index];
  if (!node) return doc;
  const nodes = [...doc.nodes];
  nodes[index] = { ...node, data };
  let edges = doc.edges;
  const renames = options.portRenames ?? {};
  if (Object.keys(renames).length > 0) {
    edges = edges.map((e) => (e.source === nodeId && renames[e.sourceHandle] !== undefined ? { ...e, sourceHandle: renames[e.sourceHandle]! } : e));
  }
  const def = definitionOf(node.type);
  if (def?.data.safeParse(data).success) {
    const ports = new Set(portsOfRaw(node.type, data).map((p) => p.id));
    const kept = edges.filter((e) => e.source !== nodeId || ports.has(e.sourceHandle));
    if (kept.length !== edges.length) edges = kept;
  }
  return { ...doc, nodes, edges };
}

/** Moves nodes; positions are rounded to whole pixels. */
export function moveNodes(doc: EditorDoc, positions: ReadonlyMap<string, Point>): EditorDoc {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p) return n;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (position.x === n.position.x && position.y === n.position.y) return n;
    changed = true;
    return { ...n, position };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Removes nodes (with every edge touching them) and edges. */
export function removeElements(doc: EditorDoc, nodeIds: Iterable<string>, edgeIds: Iterable<string>): EditorDoc {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !nodes.has(n.id)),
    edges: doc.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  };
}

/**
 * Connects a port to a node. A port leads to one node, so an existing edge from the same port is
 * replaced (as in Typebot and Voiceflow) instead of creating an ambiguous second one.
 */
export function connect(doc: EditorDoc, c: { source: string; sourceHandle: string; target: string }): { doc: EditorDoc; id: string } {
  const existing = doc.edges.find((e) => e.source === c.source && e.sourceHandle === c.sourceHandle);
  if (existing && existing.target === c.target) return { doc, id: existing.id };
  const others = doc.edges.filter((e) => e !== existing);
  const id = existing?.id ?? uniqueId(`e_${c.source}_${c.sourceHandle}`, new Set(doc.edges.map((e) => e.id)));
  const edge: EditorEdge = { id, source: c.source, sourceHandle: c.sourceHandle, target: c.target };
  return { doc: { ...doc, edges: [...others, edge] }, id };
}

/** Renames a node; its edges follow. Fails (returns a reason) when the id is taken or empty. */
export function renameNode(doc: EditorDoc, from: string, to: string): { ok: true; doc: EditorDoc } | { ok: false; reason: string } {
  const id = to.trim();
  if (!id) return { ok: false, reason: 'An id cannot be empty.' };
  if (/\s/.test(id)) return { ok: false, reason: 'An id cannot contain spaces.' };
  if (id === from) return { ok: true, doc };
  if (doc.nodes.some((n) => n.id === id)) return { ok: false, reason: `Another node is already called "${id}".` };
  return {
    ok: true,
    doc: {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === from ? { ...n, id } : n)),
      edges: doc.edges.map((e) => (e.source === from || e.target === from ? { ...e, source: e.source === from ? id : e.source, target: e.target === from ? id : e.target } : e)),
    },
  };
}

/** Sets one top-level field of the document (name, settings, variables, intents, escalation…). */
export function setField<K extends keyof EditorDoc>(doc: EditorDoc, key: K, value: EditorDoc[K]): EditorDoc {
  return doc[key] === value ? doc : { ...doc, [key]: value };
}
