// Tidy-up layout with elkjs (layered, left to right, ports kept in their on-node order). elkjs
// is loaded on first use so it never weighs on the first screen.
import type { EditorDoc } from '../document/editor-document.ts';
import { portsOfRaw } from '../document/node-ports.ts';

export interface NodeSize {
  width: number;
  height: number;
}

/** New positions for every node. `sizes` are the measured sizes (fallback 260×90). */
export async function autoLayout(doc: EditorDoc, sizes: ReadonlyMap<string, NodeSize>): Promise<Map<string, { x: number; y: number }>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(doc.nodes.map((n) => n.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '36',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.semiInteractive': 'true',
      'elk.separateConnectedComponents': 'true',
      'elk.spacing.componentComponent': '80',
    },
    children: doc.nodes.map((n) => {
      const size = sizes.get(n.id) ?? { width: 260, height: 90 };
      const ports = portsOfRaw(n.type, n.data);
      return {
        id: n.id,
        width: size.width,
        height: size.height,
        layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
        ports: [
          { id: `${n.id}::in`, layoutOptions: { 'elk.port.side': 'WEST' } },
          ...ports.map((p, i) => ({ id: `${n.id}::${p.id}`, layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(ports.length - i) } })),
        ],
      };
    }),
    edges: doc.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [`${e.source}::${e.sourceHandle}`], targets: [`${e.target}::in`] })),
  };
  // Edges from ports the node does not have would make elk throw: point them at the node instead.
  const portIds = new Set(graph.children.flatMap((c) => c.ports.map((p) => p.id)));
  for (const edge of graph.edges) if (!portIds.has(edge.sources[0]!)) edge.sources = [edge.sources[0]!.split('::')[0]!];
  const laid = await elk.layout(graph);
  const boxes = (laid.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 260, height: c.height ?? 90 }));
  return wrapTallLayers(boxes);
}

/** Most nodes one layer keeps in a single column before it is wrapped into several. Default 12. */
export const MAX_COLUMN = 12;

/**
 * ELK stacks every target of a router in one column, which for a 70-intent router is a wall
 * several thousand pixels tall. Layers with more than MAX_COLUMN nodes become a grid of columns,
 * and the layers to their right move over to make room.
 */
export function wrapTallLayers(boxes: ReadonlyArray<{ id: string; x: number; y: number; width: number; height: number }>): Map<string, { x: number; y: number }> {
  const layers = new Map<number, typeof boxes[number][]>();
  for (const b of boxes) {
    const key = Math.round(b.x);
    const list = layers.get(key);
    if (list) list.push(b);
    else layers.set(key, [b]);
  }
  const positions = new Map<string, { x: number; y: number }>();
  let shift = 0;
  for (const x of [...layers.keys()].sort((a, b) => a - b)) {
    const layer = layers.get(x)!.sort((a, b) => a.y - b.y);
    if (layer.length <= MAX_COLUMN) {
      for (const b of layer) positions.set(b.id, { x: Math.round(b.x + shift), y: Math.round(b.y) });
      continue;
    }
    const columns = Math.ceil(layer.length / MAX_COLUMN);
    const rows = Math.ceil(layer.length / columns);
    const width = Math.max(...layer.map((b) => b.width)) + 40;
    // Centre the grid where the tall column was centred, so edges from the layer before stay short.
    const centre = (layer[0]!.y + layer.at(-1)!.y + layer.at(-1)!.height) / 2;
    const gridHeight = Math.max(...Array.from({ length: columns }, (_, c) => layer.slice(c * rows, (c + 1) * rows).reduce((h, b) => h + b.height + 24, -24)));
    const top = centre - gridHeight / 2;
    for (let c = 0; c < columns; c++) {
      let y = top;
      for (const b of layer.slice(c * rows, (c + 1) * rows)) {
        positions.set(b.id, { x: Math.round(x + shift + c * width), y: Math.round(y) });
        y += b.height + 24;
      }
    }
    shift += (columns - 1) * width;
  }
  return positions;
}
