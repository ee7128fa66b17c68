// The Message node in the editor.
import type { NodeUi } from '../node-ui.ts';
import { MessageNode } from './MessageNode.tsx';
import { MessagePanel } from './MessagePanel.tsx';

export const messageUi = { icon: 'message', group: 'Talk', Node: MessageNode, Panel: MessagePanel } satisfies NodeUi;
