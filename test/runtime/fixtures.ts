// Small flows and helpers for engine tests; the classifier is the deterministic word-overlap one
// unless a test passes its own.
import type { FlowDocumentInput } from '../../shared/index.ts';
import { compileFlow, steppingClock, type CompileOptions, type CompiledFlow, type EngineHost } from '../../runtime/index.ts';
import type { Classification, IntentClassifier } from '../../runtime/nlu/classifier.ts';

export const host = (): EngineHost => ({ clock: steppingClock(Date.UTC(2026, 10, 27, 9), 1000) });

export function compileOrThrow(doc: FlowDocumentInput, options: CompileOptions = {}): CompiledFlow {
  const result = compileFlow(doc, options);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.flow;
}

/** A classifier that returns fixed rankings by exact message text (everything else: out of scope). */
export function scriptedClassifier(table: Record<string, Classification>): IntentClassifier {
  return {
    classify: (text) => table[text] ?? { ranking: [], outOfScope: true },
    toJSON: () => ({ kind: 'scripted' }),
  };
}

export const rank = (...pairs: Array<[string, number]>): Classification => ({
  ranking: pairs.map(([intent, confidence]) => ({ intent, confidence })),
  outOfScope: false,
});

/** start → intent router (card_lost, balance) with a rule; balance → message → end. */
export function bankingMini(overrides: Partial<FlowDocumentInput> = {}): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'mini',
    name: 'Mini bank',
    variables: [{ name: 'amount', type: 'number' }, { name: 'iban', type: 'string', pii: true }],
    intents: [
      { name: 'card_lost', examples: ['I lost my card', 'my card was stolen'] },
      { name: 'balance', examples: ['what is my balance', 'how much money do I have'] },
    ],
    escalation: {
      rules: [
        {
          id: 'lost-card',
          name: 'Lost or stolen card',
          when: { '==': [{ var: 'nlu.intent' }, 'card_lost'] },
          priority: 'urgent',
          queue: 'fraud',
          reason: 'card_security',
          tags: ['security'],
        },
        {
          id: 'vip',
          name: 'VIP customer with a card problem',
          when: { and: [{ '==': [{ var: 'customer.tier' }, 'vip'] }, { '==': [{ var: 'nlu.intent' }, 'card_lost'] }] },
          priority: 'high',
          queue: 'vip',
          reason: 'vip',
        },
      ],
    },
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'router', type: 'intent', position: { x: 0, y: 100 }, data: { prompt: 'How can I help?', intents: ['card_lost', 'balance'] } },
      { id: 'lost', type: 'handoff', position: { x: 0, y: 200 }, data: { queue: 'cards', reason: 'card_lost' } },
      { id: 'bal', type: 'message', position: { x: 200, y: 200 }, data: { text: 'Your balance is in the app, {{customer.firstName}}.' } },
      { id: 'end', type: 'end', position: { x: 200, y: 300 }, data: { outcome: 'resolved' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'router' },
      { id: 'e2', source: 'router', sourceHandle: 'card_lost', target: 'lost' },
      { id: 'e3', source: 'router', sourceHandle: 'balance', target: 'bal' },
      { id: 'e4', source: 'bal', sourceHandle: 'next', target: 'end' },
    ],
    ...overrides,
  };
}

/** A flow that asks for a code matching `pattern`: "Thanks!" when it does, "That is not a code." when not (no second try). */
export function askingFlow(pattern: string): FlowDocumentInput {
  const at = { x: 0, y: 0 };
  return {
    schemaVersion: 1,
    id: 'code',
    name: 'Code',
    nodes: [
      { id: 'start', type: 'start', position: at, data: {} },
      { id: 'ask', type: 'ask', position: at, data: { prompt: 'Your code?', variable: 'code', valueType: 'text', pattern, maxAttempts: 0 } },
      { id: 'ok', type: 'end', position: at, data: { outcome: 'resolved', text: 'Thanks!' } },
      { id: 'bad', type: 'end', position: at, data: { outcome: 'resolved', text: 'That is not a code.' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'ok' },
      { id: 'e3', source: 'ask', sourceHandle: 'invalid', target: 'bad' },
    ],
  };
}
