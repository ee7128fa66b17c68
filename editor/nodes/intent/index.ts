// The intent router in the editor.
import type { NodeUi } from '../node-ui.ts';
import { IntentNode } from './IntentNode.tsx';
import { IntentPanel } from './IntentPanel.tsx';

export const intentUi = { icon: 'intent', group: 'Understand', Node: IntentNode, Panel: IntentPanel } satisfies NodeUi;
