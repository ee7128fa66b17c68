// The Action node in the editor.
import type { NodeUi } from '../node-ui.ts';
import { ActionNode } from './ActionNode.tsx';
import { ActionPanel } from './ActionPanel.tsx';

export const actionUi = { icon: 'action', group: 'Connect', Node: ActionNode, Panel: ActionPanel } satisfies NodeUi;
