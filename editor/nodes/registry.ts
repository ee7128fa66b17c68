// The editor's node registry, keyed by NodeType: a new type in shared/ fails to compile here
// until it has a canvas node and a panel (STYLE.md "Add a node type in one place").
import type { ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import { isNodeType, type NodeType } from '../../shared/index.ts';
import type { FlowRfNode } from '../canvas/flow-elements.ts';
import type { NodeUi } from './node-ui.ts';
import { startUi } from './start/index.ts';
import { messageUi } from './message/index.ts';
import { askUi } from './ask/index.ts';
import { intentUi } from './intent/index.ts';
import { conditionUi } from './condition/index.ts';
import { setUi } from './set/index.ts';
import { answerUi } from './answer/index.ts';
import { actionUi } from './action/index.ts';
import { handoffUi } from './handoff/index.ts';
import { csatUi } from './csat/index.ts';
import { endUi } from './end/index.ts';
import { UnknownNode } from './unknown/UnknownNode.tsx';

export const nodeUis = {
  start: startUi,
  message: messageUi,
  ask: askUi,
  intent: intentUi,
  condition: conditionUi,
  set: setUi,
  answer: answerUi,
  action: actionUi,
  handoff: handoffUi,
  csat: csatUi,
  end: endUi,
} satisfies Record<NodeType, NodeUi>;

/** React Flow's `nodeTypes`: one component per node type, plus one for unknown types. */
export const rfNodeTypes: Record<string, ComponentType<NodeProps<FlowRfNode>>> = {
  ...Object.fromEntries(Object.entries(nodeUis).map(([type, ui]) => [type, ui.Node])),
  unknown: UnknownNode,
};

export function nodeUiOf(type: string): NodeUi | undefined {
  return isNodeType(type) ? nodeUis[type] : undefined;
}
