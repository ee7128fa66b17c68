// Generates flows/banking-help.json: routine banking questions are answered from the banking help
// centre (flows/knowledge/banking-help-centre.json) by one answer node instead of one node per
// intent; risky ones escalate on the first message by banking-support's policy rules, and a
// question the help centre cannot answer twice in a row goes to a person.
// Run: npx tsx scripts/banking/build-banking-help-flow.ts
// The measurement script calls buildBankingHelpFlow with a training split, so dev rows stay unseen.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabelledText } from '../../runtime/nlu/csv.ts';
import type { FlowDocumentInput, KnowledgeBaseDocumentInput } from '../../shared/index.ts';
import { smallTalk } from './answers.ts';
import { smallTalkEdges, smallTalkNodes } from './small-talk-nodes.ts';
import { bankingEscalationRules, intentNameOf, readBanking77, readPolicy, repoRoot, type PolicyEntry } from './build-banking-flow.ts';
import { buildHelpCentre, HELP_CENTRE_ID } from './build-help-centre.ts';

export interface BankingHelpOptions {
  /** Minimum probability of an escalate-intent for its rule to fire. */
  escalateMinConfidence: number;
  /** Probability mass over one queue's intents that escalates even when no single one is clear. */
  riskMassThreshold: number;
  /** Confidence needed to route small talk (greeting, thanks, goodbye) and routine questions. */
  confidenceThreshold: number;
  /** The answer node's score threshold. */
  answerThreshold: number;
  /**
   * Examples of the `banking_question` intent (routine: answered from the help centre): the help
   * centre's titles and tags (`articles`), or up to `perIntent` training questions of each
   * 'answer' intent, lumped together (`training`); `none` leaves the intent out (measured only:
   * routine questions then reach the help centre as low-confidence or out-of-scope messages).
   */
  routine: { from: 'none' } | { from: 'articles' } | { from: 'training'; perIntent: number };
}

/** Chosen with scripts/banking/measure-knowledge.ts on the development split (docs/knowledge.md). */
export const defaultBankingHelpOptions: BankingHelpOptions = {
  escalateMinConfidence: 0.1,
  riskMassThreshold: 0.1,
  confidenceThreshold: 0.55,
  answerThreshold: 0.5,
  routine: { from: 'training', perIntent: 30 },
};

/** Routine questions as the help centre words them: every title and tag phrase. */
export function helpCentrePhrases(kb: KnowledgeBaseDocumentInput): string[] {
  return [...new Set(kb.articles.flatMap((a) => [a.title, ...(a.tags ?? [])]))];
}

/**
 * The flow's intents are only what it must recognise itself: the policy's 'escalate' intents (with
 * their BANKING77 examples from `rows`), small talk, and one `banking_question` intent for everything
 * routine, which the answer node answers from the help centre.
 */
export function buildBankingHelpFlow(
  rows: readonly LabelledText[],
  policy: Record<string, PolicyEntry> = readPolicy(),
  options: BankingHelpOptions = defaultBankingHelpOptions,
): FlowDocumentInput {
  const escalated = Object.keys(policy)
    .sort()
    .filter((c) => policy[c]!.action === 'escalate');
  const examples = new Map<string, string[]>();
  const routine: string[] = [];
  const routinePerIntent = new Map<string, number>();
  for (const row of rows) {
    const action = policy[row.category]?.action;
    const name = intentNameOf(row.category);
    if (action === 'escalate') examples.set(name, [...(examples.get(name) ?? []), row.text]);
    else if (action === 'answer' && options.routine.from === 'training' && (routinePerIntent.get(name) ?? 0) < options.routine.perIntent) {
      routine.push(row.text);
      routinePerIntent.set(name, (routinePerIntent.get(name) ?? 0) + 1);
    }
  }
  if (options.routine.from === 'articles') routine.push(...helpCentrePhrases(buildHelpCentre(policy)));
  const intents: FlowDocumentInput['intents'] = [
    ...escalated.map((c) => ({ name: intentNameOf(c), label: intentNameOf(c).replace(/_/g, ' ').toLowerCase(), examples: examples.get(intentNameOf(c)) ?? [] })),
    ...Object.entries(smallTalk).map(([name, t]) => ({ name, label: t.label, examples: t.examples })),
    ...(options.routine.from === 'none' ? [] : [{ name: 'banking_question', label: 'a question for the help centre', examples: routine }]),
  ];
  const routed = [...(options.routine.from === 'none' ? [] : ['banking_question']), ...Object.keys(smallTalk)];

  type Node = FlowDocumentInput['nodes'][number];
  type Edge = NonNullable<FlowDocumentInput['edges']>[number];
  const at = (col: number, row: number) => ({ x: col * 320, y: row * 140 });
  const nodes: Node[] = [
    { id: 'start', type: 'start', position: at(0, 0), data: {} },
    {
      id: 'welcome',
      type: 'message',
      position: at(0, 1),
      data: { text: "Hi {{customer.firstName | there}}, I'm the virtual assistant. Ask me anything about your card, payments, transfers, top-ups or your account." },
    },
    { id: 'router', type: 'intent', position: at(0, 2), data: { intents: routed } },
    {
      id: 'answer',
      type: 'answer',
      position: at(0, 3),
      data: { threshold: options.answerThreshold, template: '{{kb.extract}}\n\nMore in our help centre: "{{kb.title}}" {{kb.url}}' },
    },
    { id: 'answered', type: 'set', position: at(-1, 4), data: { assignments: [{ variable: 'unanswered', value: 0 }] } },
    { id: 'anything_else', type: 'message', position: at(-1, 5), data: { text: 'Did that help? Ask me something else, or say "talk to a person" at any time.' } },
    { id: 'not_answered', type: 'set', position: at(1, 4), data: { assignments: [{ variable: 'unanswered', value: { '+': [{ var: 'vars.unanswered' }, 1] } }] } },
    { id: 'twice_unanswered', type: 'condition', position: at(1, 5), data: { mode: 'if', when: { '>=': [{ var: 'vars.unanswered' }, 2] } } },
    {
      id: 'rephrase',
      type: 'message',
      position: at(2, 6),
      data: { text: "Sorry, I couldn't find an answer to that in our help centre. Could you say it another way, with a few more details?" },
    },
    {
      id: 'to_a_person',
      type: 'handoff',
      position: at(1, 6),
      data: {
        queue: 'general',
        priority: 'normal',
        reason: 'no_article_found',
        text: "I still can't find an answer in our help centre, so I'm passing you to a member of our team. They will see this conversation.",
        tags: ['knowledge_gap'],
      },
    },
    ...smallTalkNodes(at),
  ];
  const edges: Edge[] = [
    { id: 'e-start', source: 'start', sourceHandle: 'next', target: 'welcome' },
    { id: 'e-welcome', source: 'welcome', sourceHandle: 'next', target: 'router' },
    ...(options.routine.from === 'none' ? [] : [{ id: 'e-question', source: 'router', sourceHandle: 'banking_question', target: 'answer' }]),
    { id: 'e-low-confidence', source: 'router', sourceHandle: 'low_confidence', target: 'answer' },
    { id: 'e-out-of-scope', source: 'router', sourceHandle: 'out_of_scope', target: 'answer' },
    { id: 'e-answered', source: 'answer', sourceHandle: 'answered', target: 'answered' },
    { id: 'e-answered-reset', source: 'answered', sourceHandle: 'next', target: 'anything_else' },
    { id: 'e-anything-else', source: 'anything_else', sourceHandle: 'next', target: 'router' },
    { id: 'e-no-answer', source: 'answer', sourceHandle: 'no_answer', target: 'not_answered' },
    { id: 'e-count', source: 'not_answered', sourceHandle: 'next', target: 'twice_unanswered' },
    { id: 'e-twice', source: 'twice_unanswered', sourceHandle: 'true', target: 'to_a_person' },
    { id: 'e-once', source: 'twice_unanswered', sourceHandle: 'false', target: 'rephrase' },
    { id: 'e-rephrase', source: 'rephrase', sourceHandle: 'next', target: 'router' },
    ...smallTalkEdges(),
  ];

  return {
    schemaVersion: 1,
    id: 'banking-help',
    name: 'Banking help (knowledge base)',
    description:
      'Answers routine banking questions from the banking help centre with one answer node; sends fraud, disputes, identity and retention cases to the right human queue on the first message ' +
      '(the same policy rules as banking-support), and a question the help centre cannot answer twice in a row to a person. ' +
      'Intent examples of the escalate intents: BANKING77 (Casanueva et al., 2020), PolyAI-LDN/task-specific-datasets, CC BY 4.0. Generated by scripts/banking/build-banking-help-flow.ts.',
    locale: 'en',
    // No clarifying questions: what the router does not recognise goes straight to the help centre.
    settings: { confidenceThreshold: options.confidenceThreshold, ambiguityMargin: 0.1, maxClarifications: 0, defaultQueue: 'general' },
    variables: [{ name: 'unanswered', type: 'number', default: 0, description: 'Questions in a row the help centre had no answer for.' }],
    intents,
    escalation: { rules: bankingEscalationRules(policy, options) },
    knowledge: { base: HELP_CENTRE_ID },
    nodes,
    edges,
  };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const flow = buildBankingHelpFlow(readBanking77());
  const out = join(repoRoot, 'flows', 'banking-help.json');
  writeFileSync(out, `${JSON.stringify(flow, null, 1)}\n`);
  process.stdout.write(`${out}: ${flow.intents?.length} intents, ${flow.escalation?.rules?.length} rules, ${flow.nodes.length} nodes\n`);
}
