// The satisfaction node in the editor.
import type { NodeUi } from '../node-ui.ts';
import { CsatNode } from './CsatNode.tsx';
import { CsatPanel } from './CsatPanel.tsx';

export const csatUi = { icon: 'csat', group: 'Finish', Node: CsatNode, Panel: CsatPanel } satisfies NodeUi;
