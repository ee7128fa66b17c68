// The End node in the editor.
import type { NodeUi } from '../node-ui.ts';
import { EndNode } from './EndNode.tsx';
import { EndPanel } from './EndPanel.tsx';

export const endUi = { icon: 'end', group: 'Finish', Node: EndNode, Panel: EndPanel } satisfies NodeUi;
