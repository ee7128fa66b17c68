// Generates flows/banking-support.json from BANKING77 (train.csv: examples; policy.json: which
// intents the bot answers and which go to which human queue). Run: npx tsx scripts/banking/build-banking-flow.ts
// The measurement scripts call buildBankingFlow with a training split, so dev rows stay unseen.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowDocumentInput } from '../../shared/index.ts';
import { parseLabelledCsv, type LabelledText } from '../../runtime/nlu/csv.ts';
import { bankingAnswers, smallTalk } from './answers.ts';
import { smallTalkEdges, smallTalkNodes } from './small-talk-nodes.ts';
import { sharedDataDir } from '../shared-data.ts';

const here = import.meta.dirname;
export const repoRoot = join(here, '..', '..');

export interface PolicyEntry {
  action: 'answer' | 'escalate';
  queue?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
}

/** BANKING77 categories as flow intent names (identifiers): `reverted_card_payment?` → `reverted_card_payment`. */
export function intentNameOf(category: string): string {
  return category.replace(/[^A-Za-z0-9_]/g, '');
}

export function readPolicy(): Record<string, PolicyEntry> {
  return JSON.parse(readFileSync(join(sharedDataDir(), 'banking77', 'policy.json'), 'utf8')).intents;
}

export function readBanking77(): LabelledText[] {
  const parsed = parseLabelledCsv(readFileSync(join(sharedDataDir(), 'banking77', 'train.csv'), 'utf8'));
  if (!parsed.ok) throw new Error(`train.csv:${parsed.problem.line}: ${parsed.problem.message}`);
  return parsed.rows;
}

export interface BankingFlowOptions {
  /** Minimum probability of an escalate-intent for its rule to fire on the first message. */
  escalateMinConfidence: number;
  /** Probability mass over one queue's intents that escalates even when no single one is clear. */
  riskMassThreshold: number;
  /** The flow's confidence threshold for answering. */
  confidenceThreshold: number;
}

/** Chosen with scripts/banking/measure-banking.ts on the development split (docs/nlu.md). */
export const defaultBankingOptions: BankingFlowOptions = { escalateMinConfidence: 0.2, riskMassThreshold: 0.15, confidenceThreshold: 0.7 };

const priorityOrder = ['low', 'normal', 'high', 'urgent'];

const notOutOfScope = { '!': { var: 'nlu.outOfScope' } };

/**
 * The escalation policy both banking flows use: one rule per 'escalate' intent (its queue and
 * priority, when it is the top intent at escalateMinConfidence or more and the message is not out
 * of scope), and per queue a risk-mass rule summing its intents' probabilities over nlu.ranking.
 */
export function bankingEscalationRules(
  policy: Record<string, PolicyEntry>,
  options: Pick<BankingFlowOptions, 'escalateMinConfidence' | 'riskMassThreshold'>,
): NonNullable<FlowDocumentInput['escalation']>['rules'] {
  const escalated = Object.keys(policy)
    .sort()
    .filter((c) => policy[c]!.action === 'escalate');
  const rules: NonNullable<FlowDocumentInput['escalation']>['rules'] = escalated.map((c) => {
    const entry = policy[c]!;
    const name = intentNameOf(c);
    return {
      id: `escalate-${name.toLowerCase().replace(/_/g, '-')}`,
      name: `${name.replace(/_/g, ' ')} goes to ${entry.queue}`,
      when: { and: [notOutOfScope, { '==': [{ var: 'nlu.intent' }, name] }, { '>=': [{ var: 'nlu.confidence' }, options.escalateMinConfidence] }] },
      priority: entry.priority!,
      queue: entry.queue!,
      reason: `policy_${name.toLowerCase()}`,
      tags: [entry.queue!],
    };
  });
  // Risk mass per queue: when the probability is spread over several intents of one queue
  // ("something is wrong with my card payments"), no single intent clears the bar but the queue does.
  const queues = [...new Set(escalated.map((c) => policy[c]!.queue!))].sort();
  for (const queue of queues) {
    const members = escalated.filter((c) => policy[c]!.queue === queue);
    const priority = members.map((c) => policy[c]!.priority!).sort((a, b) => priorityOrder.indexOf(b) - priorityOrder.indexOf(a))[0]!;
    rules.push({
      id: `${queue}-risk-mass`,
      name: `Probably a ${queue} case, even if unclear which kind`,
      description: `Sums the probability of the ${queue} intents (${members.map(intentNameOf).join(', ')}).`,
      when: {
        and: [
          notOutOfScope,
          {
            '>=': [
              { reduce: [{ filter: [{ var: 'nlu.ranking' }, { in: [{ var: 'intent' }, members.map(intentNameOf)] }] }, { '+': [{ var: 'current.confidence' }, { var: 'accumulator' }] }, 0] },
              options.riskMassThreshold,
            ],
          },
        ],
      },
      priority,
      queue,
      reason: `${queue}_risk_mass`,
      tags: [queue],
    });
  }

  return rules;
}

export function buildBankingFlow(
  rows: readonly LabelledText[],
  policy: Record<string, PolicyEntry> = readPolicy(),
  options: BankingFlowOptions = defaultBankingOptions,
): FlowDocumentInput {
  const examples = new Map<string, string[]>();
  for (const row of rows) {
    const name = intentNameOf(row.category);
    if (!examples.has(name)) examples.set(name, []);
    examples.get(name)!.push(row.text);
  }
  const categories = Object.keys(policy).sort();
  const answered = categories.filter((c) => policy[c]!.action === 'answer').map(intentNameOf);
  for (const name of answered) if (!bankingAnswers[name]) throw new Error(`no answer written for ${name}`);

  const intents: FlowDocumentInput['intents'] = [
    ...categories.map((c) => ({ name: intentNameOf(c), label: intentNameOf(c).replace(/_/g, ' ').toLowerCase(), examples: examples.get(intentNameOf(c)) ?? [] })),
    ...Object.entries(smallTalk).map(([name, t]) => ({ name, label: t.label, examples: t.examples })),
  ];

  const rules = bankingEscalationRules(policy, options);

  type Node = FlowDocumentInput['nodes'][number];
  type Edge = NonNullable<FlowDocumentInput['edges']>[number];
  const at = (col: number, row: number) => ({ x: col * 320, y: row * 140 });
  const nodes: Node[] = [
    { id: 'start', type: 'start', position: at(0, 0), data: {} },
    {
      id: 'welcome',
      type: 'message',
      position: at(0, 1),
      data: { text: "Hi {{customer.firstName | there}}, I'm the virtual assistant. I can help with your card, payments, transfers, top-ups and your account. What can I do for you?" },
    },
    { id: 'router', type: 'intent', position: at(0, 2), data: { intents: [...answered, ...Object.keys(smallTalk)] } },
    { id: 'anything_else', type: 'message', position: at(-1, 2), data: { text: 'Is there anything else I can help you with?' } },
    {
      id: 'out_of_scope',
      type: 'message',
      position: at(1, 2),
      data: { text: "Sorry, that's not something I can help with here. I can answer questions about your card, payments, transfers, top-ups and your account, or you can ask to talk to a person." },
    },
    ...smallTalkNodes(at),
  ];
  const edges: Edge[] = [
    { id: 'e-start', source: 'start', sourceHandle: 'next', target: 'welcome' },
    { id: 'e-welcome', source: 'welcome', sourceHandle: 'next', target: 'router' },
    { id: 'e-anything-else', source: 'anything_else', sourceHandle: 'next', target: 'router' },
    { id: 'e-oos', source: 'router', sourceHandle: 'out_of_scope', target: 'out_of_scope' },
    { id: 'e-oos-back', source: 'out_of_scope', sourceHandle: 'next', target: 'router' },
    ...smallTalkEdges(),
  ];
  answered.forEach((name, i) => {
    const id = `answer_${name}`;
    nodes.push({ id, type: 'message', position: at(-2 - Math.floor(i / 16), 3 + (i % 16)), data: { text: bankingAnswers[name]! } });
    edges.push({ id: `e-${name}`, source: 'router', sourceHandle: name, target: id }, { id: `e-${name}-done`, source: id, sourceHandle: 'next', target: 'anything_else' });
  });

  return {
    schemaVersion: 1,
    id: 'banking-support',
    name: 'Banking support',
    description:
      'Answers routine questions on cards, payments, transfers, top-ups and accounts; sends fraud, disputes, identity and retention cases to the right human queue on the first message. ' +
      'Intent examples: BANKING77 (Casanueva et al., 2020, "Efficient Intent Detection with Dual Sentence Encoders"), PolyAI-LDN/task-specific-datasets, CC BY 4.0. ' +
      'Answers, small talk and escalation policy written for Switchboard. Generated by scripts/banking/build-banking-flow.ts.',
    locale: 'en',
    settings: { confidenceThreshold: options.confidenceThreshold, ambiguityMargin: 0.1, maxClarifications: 2, defaultQueue: 'general' },
    variables: [],
    intents,
    escalation: { rules },
    nodes,
    edges,
  };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const flow = buildBankingFlow(readBanking77());
  const out = join(repoRoot, 'flows', 'banking-support.json');
  writeFileSync(out, `${JSON.stringify(flow, null, 1)}\n`);
  process.stdout.write(`${out}: ${flow.intents?.length} intents, ${flow.escalation?.rules?.length} rules, ${flow.nodes.length} nodes\n`);
}
