// The knowledge answer node in the editor.
import type { NodeUi } from '../node-ui.ts';
import { AnswerNode } from './AnswerNode.tsx';
import { AnswerPanel } from './AnswerPanel.tsx';

export const answerUi = { icon: 'answer', group: 'Understand', Node: AnswerNode, Panel: AnswerPanel } satisfies NodeUi;
