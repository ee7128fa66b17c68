// The handoff node in the editor.
import type { NodeUi } from '../node-ui.ts';
import { HandoffNode } from './HandoffNode.tsx';
import { HandoffPanel } from './HandoffPanel.tsx';

export const handoffUi = { icon: 'handoff', group: 'Finish', Node: HandoffNode, Panel: HandoffPanel } satisfies NodeUi;
