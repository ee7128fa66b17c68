// The greeting / thanks / goodbye branch both banking flows hang off their `router` node.
import type { FlowDocumentInput } from '../../shared/index.ts';
import { smallTalk } from './answers.ts';

type Node = FlowDocumentInput['nodes'][number];
type Edge = NonNullable<FlowDocumentInput['edges']>[number];

/** The small-talk replies, placed with the flow's grid function `at(column, row)`. */
export function smallTalkNodes(at: (col: number, row: number) => { x: number; y: number }): Node[] {
  return [
    { id: 'reply_greeting', type: 'message', position: at(2, 3), data: { text: smallTalk.greeting!.reply } },
    { id: 'reply_thanks', type: 'message', position: at(3, 3), data: { text: `${smallTalk.thanks!.reply} Is there anything else I can help you with?` } },
    { id: 'goodbye', type: 'end', position: at(4, 3), data: { outcome: 'resolved', text: smallTalk.goodbye!.reply } },
  ];
}

/** Router → reply → back to the router (goodbye ends the conversation). */
export function smallTalkEdges(): Edge[] {
  return [
    { id: 'e-greeting', source: 'router', sourceHandle: 'greeting', target: 'reply_greeting' },
    { id: 'e-greeting-back', source: 'reply_greeting', sourceHandle: 'next', target: 'router' },
    { id: 'e-thanks', source: 'router', sourceHandle: 'thanks', target: 'reply_thanks' },
    { id: 'e-thanks-back', source: 'reply_thanks', sourceHandle: 'next', target: 'router' },
    { id: 'e-goodbye', source: 'router', sourceHandle: 'goodbye', target: 'goodbye' },
  ];
}
