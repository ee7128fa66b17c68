// Turns the draft into React Flow nodes and edges. Rebuilding keeps every node object whose
// inputs did not change, so on a 500-node flow an edit re-renders one node, not five hundred.
import type { Edge, Node } from '@xyflow/react';
import { isNodeType, type PortSpec, type Problem } from '../../shared/index.ts';
import type { EditorDoc, EditorNode } from '../document/editor-document.ts';
import { portsOfRaw } from '../document/node-ports.ts';
import { sameProblems, type ProblemIndex } from '../document/problem-index.ts';
import type { NodeMark } from '../studio/studio-ui.ts';

export type PathState = 'current' | 'visited' | null;

export interface FlowNodeData extends Record<string, unknown> {
  node: EditorNode;
  ports: PortSpec[];
  /** Ports with an edge, joined with `\n` (a string compares cheaply). */
  connected: string;
  problems: readonly Problem[];
  mark: NodeMark | null;
  onPath: PathState;
}

export type FlowRfNode = Node<FlowNodeData>;
export type FlowRfEdge = Edge;

const noProblems: readonly Problem[] = [];

export interface Decorations {
  problems: ProblemIndex | null;
  path: { nodes: readonly string[]; edges: readonly string[]; current: string | null } | null;
  marks: { nodes: ReadonlyMap<string, NodeMark>; edges: ReadonlyMap<string, NodeMark> } | null;
  readOnly: boolean;
}

export function rfNodeType(type: string): string {
  return isNodeType(type) ? type : 'unknown';
}

export function buildNodes(previous: readonly FlowRfNode[], doc: EditorDoc, deco: Decorations): FlowRfNode[] {
  const prevById = new Map(previous.map((n) => [n.id, n]));
  const connected = new Map<string, string[]>();
  for (const e of doc.edges) {
    const list = connected.get(e.source);
    if (list) list.push(e.sourceHandle);
    else connected.set(e.source, [e.sourceHandle]);
  }
  const pathNodes = deco.path ? new Set(deco.path.nodes) : null;
  return doc.nodes.map((node) => {
    const old = prevById.get(node.id);
    const problems = deco.problems?.byNode.get(node.id) ?? noProblems;
    const connectedKey = (connected.get(node.id) ?? []).sort().join('\n');
    const mark = deco.marks?.nodes.get(node.id) ?? null;
    const onPath: PathState = deco.path?.current === node.id ? 'current' : pathNodes?.has(node.id) ? 'visited' : null;
    if (
      old &&
      old.data.node === node &&
      old.data.connected === connectedKey &&
      old.data.mark === mark &&
      old.data.onPath === onPath &&
      old.draggable === !deco.readOnly &&
      sameProblems(old.data.problems, problems)
    ) {
      return old;
    }
    const rfNode: FlowRfNode = {
      id: node.id,
      type: rfNodeType(node.type),
      position: old?.dragging ? old.position : node.position,
      data: { node, ports: portsOfRaw(node.type, node.data), connected: connectedKey, problems, mark, onPath },
      selected: old?.selected ?? false,
      draggable: !deco.readOnly,
      connectable: !deco.readOnly,
      deletable: !deco.readOnly,
      ariaLabel: `${node.type} node ${node.id}`,
    };
    if (old?.measured) rfNode.measured = old.measured;
    else {
      // A size guess until the node is measured, so large flows draw only what is in view from the start.
      const ports = rfNode.data.ports.length;
      rfNode.initialWidth = 248;
      rfNode.initialHeight = 80 + (ports > 1 ? 8 + ports * 22 : 0) + (problems.length ? 40 : 0);
    }
    return rfNode;
  });
}

export function buildEdges(previous: readonly FlowRfEdge[], doc: EditorDoc, deco: Decorations): FlowRfEdge[] {
  const prevById = new Map(previous.map((e) => [e.id, e]));
  const pathEdges = deco.path ? new Set(deco.path.edges) : null;
  return doc.edges.map((edge) => {
    const old = prevById.get(edge.id);
    const classes = [
      deco.problems?.byEdge.has(edge.id) ? 'edge-problem' : '',
      pathEdges?.has(edge.id) ? 'edge-path' : '',
      deco.marks?.edges.get(edge.id) ? `edge-${deco.marks.edges.get(edge.id)}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    if (old && old.source === edge.source && old.target === edge.target && old.sourceHandle === edge.sourceHandle && (old.className ?? '') === classes) return old;
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle,
      className: classes,
      selected: old?.selected ?? false,
      deletable: !deco.readOnly,
      animated: pathEdges?.has(edge.id) ?? false,
    };
  });
}
