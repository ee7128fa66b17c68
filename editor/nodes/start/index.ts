// The Start node in the editor.
import type { NodeUi } from '../node-ui.ts';
import { StartNode } from './StartNode.tsx';
import { StartPanel } from './StartPanel.tsx';

export const startUi = { icon: 'play', group: 'Talk', Node: StartNode, Panel: StartPanel } satisfies NodeUi;
