// The one place a node type is described: its data schema, its ports and its defaults.
// The runtime executes it (runtime/nodes/<type>.ts) and the editor draws it; both key their
// registries by NodeType so a new type fails to compile until every layer knows it.
import type { z } from 'zod';

export const nodeTypes = [
  'start',
  'message',
  'ask',
  'intent',
  'condition',
  'set',
  'answer',
  'action',
  'handoff',
  'csat',
  'end',
] as const;
export type NodeType = (typeof nodeTypes)[number];

export function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && (nodeTypes as readonly string[]).includes(value);
}

/** An outgoing connection point of a node. `required` ports must have an edge. */
export interface PortSpec {
  id: string;
  label: string;
  /** When false the runtime has a defined behaviour for an unconnected port (documented per node). */
  required: boolean;
}

export interface NodeDefinition<T extends NodeType, D extends z.ZodType> {
  type: T;
  /** Name shown in the palette. */
  label: string;
  /** One sentence for the palette tooltip. */
  description: string;
  data: D;
  /** Data a newly dropped node starts with; must parse with `data`. */
  defaults: () => z.input<D>;
  /** The node's outgoing ports for the given data. */
  ports: (data: z.output<D>) => PortSpec[];
  /** True when the flow pauses at this node until the user (or a host effect) answers. */
  waits: boolean;
}

export function defineNode<T extends NodeType, D extends z.ZodType>(def: NodeDefinition<T, D>): NodeDefinition<T, D> {
  return def;
}

export const nextPort: PortSpec = { id: 'next', label: 'Next', required: true };
