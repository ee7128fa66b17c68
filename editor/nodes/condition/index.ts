// The Condition node in the editor.
import type { NodeUi } from '../node-ui.ts';
import { ConditionNode } from './ConditionNode.tsx';
import { ConditionPanel } from './ConditionPanel.tsx';

export const conditionUi = { icon: 'condition', group: 'Logic', Node: ConditionNode, Panel: ConditionPanel } satisfies NodeUi;
