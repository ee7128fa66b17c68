// The Ask node in the editor.
import type { NodeUi } from '../node-ui.ts';
import { AskNode } from './AskNode.tsx';
import { AskPanel } from './AskPanel.tsx';

export const askUi = { icon: 'ask', group: 'Talk', Node: AskNode, Panel: AskPanel } satisfies NodeUi;
