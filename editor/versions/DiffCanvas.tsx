// A read-only canvas of a version with the diff painted on it: added nodes green, changed amber,
// removed ones (from the older version) shown as red ghosts where they were.
import { useEffect, useMemo, useState } from 'react';
import { Background, BackgroundVariant, MiniMap, ReactFlow, ReactFlowProvider, applyNodeChanges, type NodeChange } from '@xyflow/react';
import type { FlowDiff } from '../../shared/index.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import { buildEdges, buildNodes, type FlowRfNode } from '../canvas/flow-elements.ts';
import { minimapColor } from '../canvas/node-colors.ts';
import { rfNodeTypes } from '../nodes/registry.ts';
import type { NodeMark } from '../studio/studio-ui.ts';

export function diffMarks(diff: FlowDiff): { nodes: Map<string, NodeMark>; edges: Map<string, NodeMark> } {
  return {
    nodes: new Map(diff.nodes.map((n) => [n.id, n.change])),
    edges: new Map(diff.edges.map((e) => [e.id, e.change])),
  };
}

/** The newer document plus the removed nodes and edges of the older one. */
export function mergedForDiff(from: EditorDoc | null, to: EditorDoc, diff: FlowDiff | null): EditorDoc {
  if (!from || !diff) return to;
  const removedNodes = new Set(diff.nodes.filter((n) => n.change === 'removed').map((n) => n.id));
  const removedEdges = new Set(diff.edges.filter((e) => e.change === 'removed').map((e) => e.id));
  return {
    ...to,
    nodes: [...to.nodes, ...from.nodes.filter((n) => removedNodes.has(n.id))],
    edges: [...to.edges, ...from.edges.filter((e) => removedEdges.has(e.id))],
  };
}

export function DiffCanvas({ from, to, diff, focus }: { from: EditorDoc | null; to: EditorDoc; diff: FlowDiff | null; focus?: string | null }) {
  const merged = useMemo(() => mergedForDiff(from, to, diff), [from, to, diff]);
  const marks = useMemo(() => (diff ? diffMarks(diff) : null), [diff]);
  const built = useMemo(() => buildNodes([], merged, { problems: null, path: null, marks, readOnly: true }).map((n) => (n.id === focus ? { ...n, selected: true } : n)), [merged, marks, focus]);
  const [nodes, setNodes] = useState<FlowRfNode[]>(built);
  useEffect(() => setNodes(built), [built]);
  const edges = useMemo(() => buildEdges([], merged, { problems: null, path: null, marks, readOnly: true }), [merged, marks]);
  // Open on what changed (and the nodes around it), not on the whole graph.
  const changed = useMemo(() => (diff ? diff.nodes.map((n) => ({ id: n.id })) : []), [diff]);
  const fitNodes = focus ? [{ id: focus }] : changed.length > 0 && changed.length < built.length ? changed : undefined;
  return (
    <div className="diff-canvas" data-testid="diff-canvas">
      <ReactFlowProvider>
        <ReactFlow<FlowRfNode>
          key={focus ?? 'all'}
          nodes={nodes}
          edges={edges}
          onNodesChange={(changes: NodeChange<FlowRfNode>[]) => setNodes((n) => applyNodeChanges(changes, n))}
          nodeTypes={rfNodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          fitView
          fitViewOptions={fitNodes ? { nodes: fitNodes, maxZoom: 0.85, padding: 1 } : { padding: 0.12, maxZoom: 1 }}
          minZoom={0.05}
          panOnScroll
          proOptions={{ hideAttribution: false }}
          aria-label="Changes on the canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="#cdd3de" />
          <MiniMap<FlowRfNode> pannable zoomable nodeColor={(n) => (n.data.mark === 'added' ? '#16a34a' : n.data.mark === 'removed' ? '#dc2626' : n.data.mark === 'changed' ? '#d97706' : minimapColor(n.data.node.type))} nodeStrokeWidth={0} />
        </ReactFlow>
      </ReactFlowProvider>
      <div className="diff-legend" aria-hidden="true">
        <span className="legend-added">added</span>
        <span className="legend-changed">changed</span>
        <span className="legend-removed">removed</span>
      </div>
    </div>
  );
}
