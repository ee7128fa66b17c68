// The registry of node types. `satisfies` makes a missing type a compile error.
import type { z } from 'zod';
import type { NodeDefinition, NodeType } from './node-definition.ts';
import { startNode } from './start.ts';
import { messageNode } from './message.ts';
import { askNode } from './ask.ts';
import { intentNode } from './intent.ts';
import { conditionNode } from './condition.ts';
import { setNode } from './set.ts';
import { answerNode } from './answer.ts';
import { actionNode } from './action.ts';
import { handoffNode } from './handoff.ts';
import { csatNode } from './csat.ts';
import { endNode } from './end.ts';

export const nodeDefinitions = {
  start: startNode,
  message: messageNode,
  ask: askNode,
  intent: intentNode,
  condition: conditionNode,
  set: setNode,
  answer: answerNode,
  action: actionNode,
  handoff: handoffNode,
  csat: csatNode,
  end: endNode,
} satisfies { [T in NodeType]: NodeDefinition<T, z.ZodType> };

export type NodeDataMap = { [T in NodeType]: z.output<(typeof nodeDefinitions)[T]['data']> };

/** A node whose data has been parsed with its type's schema. */
export type TypedNode = {
  [T in NodeType]: { id: string; type: T; position: { x: number; y: number }; data: NodeDataMap[T] };
}[NodeType];

export function portsOf(node: TypedNode) {
  const def = nodeDefinitions[node.type] as NodeDefinition<NodeType, z.ZodType>;
  return def.ports(node.data);
}

export * from './node-definition.ts';
