// The replay-before-publish comparison on small flows whose outcomes are worked out by hand.
import { describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/index.ts';
import { compareVersions, type ReplayCase } from '../../runtime/evaluation/compare-versions.ts';
import { compileOrThrow, rank, scriptedClassifier } from './fixtures.ts';

const classifier = scriptedClassifier({
  'I lost my card': rank(['card_lost', 0.95], ['balance', 0.05]),
  'my card is gone I think': rank(['card_lost', 0.7], ['balance', 0.1]),
  'what is my balance': rank(['balance', 0.9], ['card_lost', 0.1]),
  'balance maybe': rank(['balance', 0.65], ['card_lost', 0.1]),
});

/** start → intent router; card_lost → "blocked" → end; balance → "in the app" → end. Escalation only by rule. */
function cardFlow(o: { lostCardWhen?: unknown; threshold?: number; vipQueue?: string } = {}): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'cards',
    name: 'Cards',
    settings: { confidenceThreshold: o.threshold ?? 0.5, ambiguityMargin: 0.1, maxClarifications: 0 },
    intents: [
      { name: 'card_lost', examples: ['I lost my card'] },
      { name: 'balance', examples: ['what is my balance'] },
    ],
    escalation: {
      rules: [
        {
          id: 'lost-card',
          name: 'Lost or stolen card',
          when: o.lostCardWhen ?? { '==': [{ var: 'nlu.intent' }, 'card_lost'] },
          priority: 'urgent',
          queue: 'fraud',
          reason: 'card_security',
        },
        {
          id: 'vip',
          name: 'VIP customer',
          when: { and: [{ '==': [{ var: 'customer.tier' }, 'vip'] }, { '==': [{ var: 'nlu.intent' }, 'balance'] }] },
          priority: 'high',
          queue: o.vipQueue ?? 'vip',
          reason: 'vip',
        },
      ],
    },
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'router', type: 'intent', position: { x: 0, y: 100 }, data: { prompt: 'How can I help?', intents: ['card_lost', 'balance'] } },
      { id: 'blocked', type: 'message', position: { x: 0, y: 200 }, data: { text: 'I have blocked your card.' } },
      { id: 'bal', type: 'message', position: { x: 200, y: 200 }, data: { text: 'Your balance is in the app.' } },
      { id: 'end', type: 'end', position: { x: 200, y: 300 }, data: { outcome: 'resolved' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'router' },
      { id: 'e2', source: 'router', sourceHandle: 'card_lost', target: 'blocked' },
      { id: 'e3', source: 'router', sourceHandle: 'balance', target: 'bal' },
      { id: 'e4', source: 'blocked', sourceHandle: 'next', target: 'end' },
      { id: 'e5', source: 'bal', sourceHandle: 'next', target: 'end' },
    ],
  } as FlowDocumentInput;
}

const compile = (doc: FlowDocumentInput) => compileOrThrow(doc, { classifier });

const cases: ReplayCase[] = [
  { id: 'lost-basic', messages: ['I lost my card'], customer: { tier: 'basic' }, label: { shouldEscalate: false, expectedIntent: 'card_lost' } },
  { id: 'lost-vip', messages: ['I lost my card'], customer: { tier: 'vip' }, label: { shouldEscalate: true, expectedIntent: 'card_lost' } },
  { id: 'balance', messages: ['what is my balance'], customer: { tier: 'basic' }, label: { shouldEscalate: false, expectedIntent: 'balance' } },
  { id: 'balance-vip', messages: ['what is my balance'], customer: { tier: 'vip' } },
];

describe('compareVersions', () => {
  it('a tightened rule: conversations it no longer covers stop escalating, and the rule fires less', () => {
    const baseline = compile(cardFlow());
    const candidate = compile(cardFlow({ lostCardWhen: { and: [{ '==': [{ var: 'nlu.intent' }, 'card_lost'] }, { '==': [{ var: 'customer.tier' }, 'vip'] }] } }));
    const report = compareVersions(candidate, baseline, cases);

    expect(report.conversations).toBe(4);
    const byId = Object.fromEntries(report.items.map((i) => [i.id, i]));
    expect(byId['lost-basic']!.change).toBe('no_longer_escalates');
    expect(byId['lost-basic']!.baseline).toMatchObject({ escalated: true, queue: 'fraud', escalatedAtMessage: 1, rules: ['lost-card'] });
    expect(byId['lost-basic']!.candidate).toMatchObject({ escalated: false, queue: null, rules: [], intent: 'card_lost' });
    // The customer now hears the bot instead of being handed over: the transcript diff shows it.
    expect(byId['lost-basic']!.candidateTranscript).toContainEqual({ role: 'bot', text: 'I have blocked your card.' });
    expect(byId['lost-basic']!.baselineTranscript).not.toContainEqual({ role: 'bot', text: 'I have blocked your card.' });
    expect(byId['lost-vip']!.change).toBe('unchanged');
    expect(byId['balance']!.change).toBe('unchanged');
    expect(byId['balance']!.baselineTranscript).toEqual([]);
    expect(byId['balance-vip']!.change).toBe('unchanged');

    // Baseline: lost-basic, lost-vip and balance-vip escalate (3 of 4); candidate: lost-vip and balance-vip (2 of 4).
    expect(report.baseline).toEqual({ escalated: 3, contained: 1, containmentRate: 0.25, escalationRate: 0.75 });
    expect(report.candidate).toEqual({ escalated: 2, contained: 2, containmentRate: 0.5, escalationRate: 0.5 });
    expect(report.delta).toEqual({ containmentRate: 0.25, escalationRate: -0.25 });
    expect(report.changes).toMatchObject({ no_longer_escalates: 1, newly_escalates: 0, different_queue: 0, unchanged: 3 });
    expect(report.rules).toEqual([
      { id: 'lost-card', name: 'Lost or stolen card', baseline: 2, candidate: 1, inBaseline: true, inCandidate: true },
      { id: 'vip', name: 'VIP customer', baseline: 1, candidate: 1, inBaseline: true, inCandidate: true },
    ]);

    // Labels: 3 conversations say whether a human was needed; only lost-vip should escalate.
    expect(report.accuracy).toMatchObject({ labelledEscalation: 3, labelledIntent: 3 });
    // Baseline escalated lost-basic and lost-vip of the labelled ones: recall 1/1, precision 1/2.
    expect(report.accuracy!.baseline).toEqual({ escalationRecall: 1, escalationPrecision: 0.5, intentAccuracy: 1 });
    // Candidate escalated only lost-vip: recall 1/1, precision 1/1.
    expect(report.accuracy!.candidate).toEqual({ escalationRecall: 1, escalationPrecision: 1, intentAccuracy: 1 });
  });

  it('a raised threshold: messages understood with middling confidence become low_confidence handoffs', () => {
    const baseline = compile(cardFlow({ threshold: 0.5 }));
    const candidate = compile(cardFlow({ threshold: 0.8 }));
    const report = compareVersions(candidate, baseline, [
      { id: 'sure', messages: ['what is my balance'] },
      { id: 'unsure', messages: ['balance maybe'] },
      { id: 'unsure-lost', messages: ['my card is gone I think'] },
    ]);
    const byId = Object.fromEntries(report.items.map((i) => [i.id, i]));
    expect(byId['sure']!.change).toBe('unchanged');
    expect(byId['unsure']!.change).toBe('newly_escalates');
    expect(byId['unsure']!.baseline).toMatchObject({ escalated: false, intent: 'balance' });
    expect(byId['unsure']!.candidate).toMatchObject({ escalated: true, reasons: ['low_confidence'], intent: null, rules: [] });
    // Was escalated by the lost-card rule to fraud; now not understood, so escalated for low confidence to the default queue.
    expect(byId['unsure-lost']!.change).toBe('different_queue');
    expect(byId['unsure-lost']!.baseline).toMatchObject({ queue: 'fraud', rules: ['lost-card'] });
    expect(byId['unsure-lost']!.candidate.reasons).toEqual(['low_confidence']);
    expect(report.baseline.escalationRate).toBeCloseTo(1 / 3);
    // 'sure' (0.9) still clears 0.8; the other two are handed over.
    expect(report.candidate.escalationRate).toBeCloseTo(2 / 3);
    expect(report.rules.find((r) => r.id === 'lost-card')).toMatchObject({ baseline: 1, candidate: 0 });
    expect(report.accuracy).toBeNull();
  });

  it('a rule moved to another queue, and a rule only one version has', () => {
    const baseline = compile(cardFlow());
    const doc = cardFlow({ vipQueue: 'priority_desk' });
    doc.escalation!.rules!.push({ id: 'everyone', name: 'Everyone', when: { '==': [1, 1] }, priority: 'low', queue: 'general', reason: 'test' } as never);
    const report = compareVersions(compile(doc), baseline, [{ id: 'balance-vip', messages: ['what is my balance'], customer: { tier: 'vip' } }, { id: 'balance', messages: ['what is my balance'] }]);
    expect(report.items[0]).toMatchObject({ change: 'different_queue', baseline: { queue: 'vip' }, candidate: { queue: 'priority_desk' } });
    expect(report.items[1]!.change).toBe('newly_escalates');
    expect(report.rules.find((r) => r.id === 'everyone')).toEqual({ id: 'everyone', name: 'Everyone', baseline: 0, candidate: 2, inBaseline: false, inCandidate: true });
  });

  it('stops when asked and says so', () => {
    const flow = compile(cardFlow());
    let asked = 0;
    const report = compareVersions(flow, flow, cases, { shouldStop: () => ++asked > 2 });
    expect(report.conversations).toBe(2);
    expect(report.stoppedEarly).toBe(true);
  });

  it('the report survives a JSON round trip (it is stored)', () => {
    const report = compareVersions(compile(cardFlow({ threshold: 0.8 })), compile(cardFlow()), cases);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
