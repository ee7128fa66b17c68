// The Set node in the editor.
import type { NodeUi } from '../node-ui.ts';
import { SetNode } from './SetNode.tsx';
import { SetPanel } from './SetPanel.tsx';

export const setUi = { icon: 'set', group: 'Logic', Node: SetNode, Panel: SetPanel } satisfies NodeUi;
