// Answers the user's last message from the flow's knowledge base when the best article scores
// at least `threshold`; otherwise takes `no_answer`.
import { z } from 'zod';
import { defineNode } from './node-definition.ts';

export const answerData = z.strictObject({
  /** Minimum score (0..1, roughly the probability the article is the right one; docs/knowledge.md) for an article to be used. Default 0.35. */
  threshold: z.number().min(0).max(1).default(0.35),
  /** Text around the article; `{{kb.title}}`, `{{kb.extract}}` and `{{kb.url}}` are filled in. */
  template: z.string().max(4000).default('{{kb.extract}}'),
});

export const answerNode = defineNode({
  type: 'answer',
  label: 'Knowledge answer',
  description: "Answer from the knowledge base when an article matches well enough.",
  data: answerData,
  defaults: () => ({ threshold: 0.35, template: '{{kb.extract}}' }),
  ports: () => [
    { id: 'answered', label: 'Answered', required: true },
    { id: 'no_answer', label: 'No answer', required: true },
  ],
  waits: false,
});
