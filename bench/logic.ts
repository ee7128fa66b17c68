// How fast compiled escalation rules are next to json-logic-js's interpreter and hand-written JavaScript,
// on the same contexts and with the same answers. Run alone with `npx tsx bench/logic.ts`.
import { pathToFileURL } from 'node:url';
import jsonLogic from 'json-logic-js';
import { compileLogic, type Logic } from '../runtime/logic/index.ts';
import { createPrng } from '../runtime/nlu/prng.ts';

const CONTEXTS = 100_000;
const SEED = 42;

const escalateIntents = ['talk_to_agent', 'complaint', 'legal_threat', 'cancel_account'];
const intents = [
  'transfer_not_recognised',
  'card_arrival',
  'lost_card',
  'stolen_card',
  'card_payment_dispute',
  'refund_not_received',
  'balance',
  ...escalateIntents,
];
const tiers = ['basic', 'plus', 'premium', 'vip'];
const tagPool = ['fraud', 'churn_risk', 'new_customer', 'vip', 'complained_before'];

interface Ranked {
  intent: string;
  confidence: number;
}
interface Context {
  message: { text: string; channel: string };
  nlu: { intent: string; confidence: number; margin: number; ranking: Ranked[] };
  vars: { amount?: number };
  customer: { tier?: string; value: number; authenticated: boolean };
  conversation: { turns: number; clarifications: number; lowConfidenceCount: number; tags: string[] };
}

const v = (path: string) => ({ var: path });
const intentIs = (name: string) => ({ '==': [v('nlu.intent'), name] });

/** Sixteen rules in the shape designers write escalation policies, each with its hand-written twin. */
const rules: Array<{ name: string; logic: Logic; hand: (c: Context) => boolean }> = [
  {
    name: 'big-unrecognised-transfer',
    logic: { and: [{ '>': [v('vars.amount'), 10000] }, intentIs('transfer_not_recognised')] },
    hand: (c) => (c.vars.amount ?? 0) > 10000 && c.nlu.intent === 'transfer_not_recognised',
  },
  {
    name: 'repeated-low-confidence',
    logic: { '>=': [v('conversation.lowConfidenceCount'), 2] },
    hand: (c) => c.conversation.lowConfidenceCount >= 2,
  },
  {
    name: 'vip-complaint',
    logic: { and: [{ '==': [v('customer.tier'), 'vip'] }, { in: [v('nlu.intent'), ['complaint', 'cancel_account']] }] },
    hand: (c) => c.customer.tier === 'vip' && (c.nlu.intent === 'complaint' || c.nlu.intent === 'cancel_account'),
  },
  {
    name: 'fraud-tag',
    logic: { in: ['fraud', v('conversation.tags')] },
    hand: (c) => c.conversation.tags.includes('fraud'),
  },
  {
    name: 'asks-for-agent',
    logic: { and: [intentIs('talk_to_agent'), { '>': [v('nlu.confidence'), 0.6] }] },
    hand: (c) => c.nlu.intent === 'talk_to_agent' && c.nlu.confidence > 0.6,
  },
  {
    name: 'escalation-probability-mass',
    logic: {
      '>': [
        {
          reduce: [
            { filter: [v('nlu.ranking'), { in: [v('intent'), escalateIntents] }] },
            { '+': [v('accumulator'), v('current.confidence')] },
            0,
          ],
        },
        0.5,
      ],
    },
    hand: (c) => {
      let mass = 0;
      for (const r of c.nlu.ranking) if (escalateIntents.includes(r.intent)) mass += r.confidence;
      return mass > 0.5;
    },
  },
  {
    name: 'lost-after-several-turns',
    logic: { and: [{ '<': [v('nlu.confidence'), 0.3] }, { '>': [v('conversation.turns'), 3] }] },
    hand: (c) => c.nlu.confidence < 0.3 && c.conversation.turns > 3,
  },
  {
    name: 'valuable-and-unverified',
    logic: { and: [{ '>': [v('customer.value'), 50000] }, { '!': v('customer.authenticated') }] },
    hand: (c) => c.customer.value > 50000 && !c.customer.authenticated,
  },
  {
    name: 'mid-size-dispute',
    logic: { and: [{ '<': [1000, v('vars.amount'), 5000] }, intentIs('card_payment_dispute')] },
    hand: (c) => c.vars.amount !== undefined && 1000 < c.vars.amount && c.vars.amount < 5000 && c.nlu.intent === 'card_payment_dispute',
  },
  {
    name: 'card-compromised',
    logic: { or: [intentIs('lost_card'), intentIs('stolen_card'), intentIs('card_compromised')] },
    hand: (c) => c.nlu.intent === 'lost_card' || c.nlu.intent === 'stolen_card' || c.nlu.intent === 'card_compromised',
  },
  {
    name: 'still-ambiguous',
    logic: { and: [{ '<': [v('nlu.margin'), 0.05] }, { '>=': [v('conversation.clarifications'), 2] }] },
    hand: (c) => c.nlu.margin < 0.05 && c.conversation.clarifications >= 2,
  },
  {
    name: 'legal-threat-anywhere',
    logic: { some: [v('nlu.ranking'), { and: [{ '==': [v('intent'), 'legal_threat'] }, { '>': [v('confidence'), 0.2] }] }] },
    hand: (c) => c.nlu.ranking.some((r) => r.intent === 'legal_threat' && r.confidence > 0.2),
  },
  {
    name: 'tiered-amount-threshold',
    logic: { '>': [v('vars.amount'), { if: [{ '==': [v('customer.tier'), 'vip'] }, 2000, 10000] }] },
    hand: (c) => (c.vars.amount ?? 0) > (c.customer.tier === 'vip' ? 2000 : 10000),
  },
  {
    name: 'refund-dragging-on',
    logic: { and: [intentIs('refund_not_received'), { '>': [v('conversation.turns'), 6] }] },
    hand: (c) => c.nlu.intent === 'refund_not_received' && c.conversation.turns > 6,
  },
  {
    name: 'many-plausible-intents',
    logic: {
      '>=': [{ reduce: [v('nlu.ranking'), { '+': [v('accumulator'), { if: [{ '>': [v('current.confidence'), 0.15] }, 1, 0] }] }, 0] }, 3],
    },
    hand: (c) => {
      let count = 0;
      for (const r of c.nlu.ranking) if (r.confidence > 0.15) count++;
      return count >= 3;
    },
  },
  {
    name: 'churn-risk-paying-customer',
    logic: { and: [{ in: ['churn_risk', v('conversation.tags')] }, { '!=': [v('customer.tier'), 'basic'] }, { '>': [v('customer.value'), 1000] }] },
    hand: (c) => c.conversation.tags.includes('churn_risk') && c.customer.tier !== 'basic' && c.customer.value > 1000,
  },
];

function makeContexts(count: number, seed: number): Context[] {
  const random = createPrng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const contexts: Context[] = [];
  for (let i = 0; i < count; i++) {
    // A softmax-like ranking over five distinct intents, best first.
    const picked = new Set<string>();
    while (picked.size < 5) picked.add(pick(intents));
    const weights = [...picked].map(() => random() ** 3);
    const total = weights.reduce((a, b) => a + b, 0);
    const ranking = [...picked].map((intent, j) => ({ intent, confidence: weights[j]! / total })).sort((a, b) => b.confidence - a.confidence);
    const tags = tagPool.filter(() => random() < 0.15);
    contexts.push({
      message: { text: `message ${i}`, channel: 'web' },
      nlu: { intent: ranking[0]!.intent, confidence: ranking[0]!.confidence, margin: ranking[0]!.confidence - ranking[1]!.confidence, ranking },
      vars: random() < 0.7 ? { amount: Math.round(random() ** 2 * 30000) } : {},
      customer: { ...(random() < 0.9 ? { tier: pick(tiers) } : {}), value: Math.round(random() * 100000), authenticated: random() < 0.6 },
      conversation: {
        turns: Math.floor(random() * 10),
        clarifications: Math.floor(random() * 3),
        lowConfidenceCount: Math.floor(random() * 4),
        tags,
      },
    });
  }
  return contexts;
}

type Evaluate = (ruleIndex: number, context: Context) => unknown;

/** Evaluates every rule on every context; returns how many matched (so nothing is optimised away). */
function run(evaluate: Evaluate, contexts: readonly Context[], ruleCount: number): number {
  let matched = 0;
  for (const context of contexts) {
    for (let r = 0; r < ruleCount; r++) if (evaluate(r, context)) matched++;
  }
  return matched;
}

function time(evaluate: Evaluate, contexts: readonly Context[], ruleCount: number, rounds: number): { ms: number; matched: number } {
  let best = Number.POSITIVE_INFINITY;
  let matched = 0;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    matched = run(evaluate, contexts, ruleCount);
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, matched };
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/**
 * Times the 16 escalation rules over 100k seeded contexts three ways — compileLogic, json-logic-js
 * `apply`, hand-written JavaScript — after a warm-up and a check that all three give the same
 * answer for every rule and context. Times are the best of 3 rounds (1 for `apply`, the slow one).
 */
export async function benchLogic(): Promise<Record<string, unknown>> {
  const contexts = makeContexts(CONTEXTS, SEED);

  const compileStart = performance.now();
  const compiled = rules.map((rule) => compileLogic(rule.logic));
  const compileMs = performance.now() - compileStart;

  const approaches: Record<'compiled' | 'apply' | 'hand', Evaluate> = {
    compiled: (r, c) => compiled[r]!(c),
    apply: (r, c) => jsonLogic.apply(rules[r]!.logic as never, c),
    hand: (r, c) => rules[r]!.hand(c),
  };

  // Every rule returns a boolean here, so the three must agree exactly.
  for (const context of contexts) {
    rules.forEach((rule, r) => {
      const answers = [approaches.compiled(r, context), approaches.apply(r, context), approaches.hand(r, context)];
      if (answers.some((a) => a !== answers[0])) {
        throw new Error(`Rule ${rule.name} disagrees (compiled, apply, hand = ${answers.join(', ')}) on ${JSON.stringify(context)}`);
      }
    });
  }

  const warmUp = contexts.slice(0, 10_000);
  for (const evaluate of Object.values(approaches)) run(evaluate, warmUp, rules.length);

  const compiledRun = time(approaches.compiled, contexts, rules.length, 3);
  const applyRun = time(approaches.apply, contexts, rules.length, 1);
  const handRun = time(approaches.hand, contexts, rules.length, 3);
  if (compiledRun.matched !== applyRun.matched || compiledRun.matched !== handRun.matched) throw new Error('Match counts differ between approaches');

  return {
    contexts: contexts.length,
    rules: rules.length,
    matched: compiledRun.matched,
    compileMs: round(compileMs, 2),
    compiledMs: round(compiledRun.ms),
    applyMs: round(applyRun.ms),
    handMs: round(handRun.ms),
    speedupVsApply: round(applyRun.ms / compiledRun.ms, 2),
    slowdownVsHand: round(compiledRun.ms / handRun.ms, 2),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchLogic(), null, 2));
}
