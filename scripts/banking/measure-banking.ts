// Measures banking-support end to end, as a customer meets it: each BANKING77 dev-split query
// (and each CLINC150 out-of-scope query) is replayed as a one-message conversation through the
// flow built from the training split only. Prints the targets as JSON.
// Run: npx tsx scripts/banking/measure-banking.ts [--json]
import { compileFlow, replayConversation, steppingClock } from '../../runtime/index.ts';
import { banking77Split } from '../split-banking77.ts';
import { buildBankingFlow, defaultBankingOptions, intentNameOf, readPolicy, type BankingFlowOptions } from './build-banking-flow.ts';
import type { IntentClassifier } from '../../runtime/index.ts';

export interface BankingFigures {
  escalateRows: number;
  escalatedAny: number;
  escalatedToPolicyQueue: number;
  answerRows: number;
  answeredRightIntent: number;
  answeredWrongIntent: number;
  wronglyEscalated: number;
  clarifiedOrDeclined: number;
  oosRows: number;
  oosAnsweredAsBanking: number;
  oosSentToHuman: number;
  trainMs: number;
  replayMsPerMessage: number;
}

export function measureBanking(options: BankingFlowOptions = defaultBankingOptions, classifier?: IntentClassifier): BankingFigures & { classifier: IntentClassifier } {
  const policy = readPolicy();
  const { train, dev, oos } = banking77Split();
  const t0 = performance.now();
  const compiled = compileFlow(buildBankingFlow(train, policy, options), classifier ? { classifier } : {});
  const trainMs = performance.now() - t0;
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  const flow = compiled.flow;
  const host = { clock: steppingClock() };
  const policyByIntent = new Map(Object.entries(policy).map(([c, p]) => [intentNameOf(c), p]));
  const firstTurn = (text: string, i: number) => replayConversation(flow, [text], { conversationId: `m${i}` }, host).turns[0]!;

  const f: BankingFigures = {
    escalateRows: 0, escalatedAny: 0, escalatedToPolicyQueue: 0,
    answerRows: 0, answeredRightIntent: 0, answeredWrongIntent: 0, wronglyEscalated: 0, clarifiedOrDeclined: 0,
    oosRows: oos.length, oosAnsweredAsBanking: 0, oosSentToHuman: 0,
    trainMs: Math.round(trainMs), replayMsPerMessage: 0,
  };
  const t1 = performance.now();
  dev.forEach((row, i) => {
    const intent = intentNameOf(row.category);
    const entry = policyByIntent.get(intent)!;
    const turn = firstTurn(row.text, i);
    if (entry.action === 'escalate') {
      f.escalateRows++;
      if (turn.status === 'escalated') f.escalatedAny++;
      if (turn.handoff?.queue === entry.queue) f.escalatedToPolicyQueue++;
    } else {
      f.answerRows++;
      if (turn.status === 'escalated') f.wronglyEscalated++;
      else if (turn.intent === intent) f.answeredRightIntent++;
      else if (turn.intent !== null) f.answeredWrongIntent++;
      else f.clarifiedOrDeclined++;
    }
  });
  oos.forEach((row, i) => {
    const turn = firstTurn(row.text, dev.length + i);
    if (turn.status === 'escalated') f.oosSentToHuman++;
    else if (turn.intent !== null && !['greeting', 'thanks', 'goodbye'].includes(turn.intent)) f.oosAnsweredAsBanking++;
  });
  f.replayMsPerMessage = Math.round(((performance.now() - t1) / (dev.length + oos.length)) * 1000) / 1000;
  return { ...f, classifier: flow.classifier! };
}

const pct = (a: number, b: number) => Math.round((a / b) * 10000) / 100;

export function bankingTargets(f: BankingFigures) {
  return {
    escalateEscalatedAnyPct: { value: pct(f.escalatedAny, f.escalateRows), target: '>= 97' },
    escalateToPolicyQueuePct: { value: pct(f.escalatedToPolicyQueue, f.escalateRows), target: '>= 94' },
    answerRightIntentPct: { value: pct(f.answeredRightIntent, f.answerRows), target: '>= 85' },
    answerWronglyEscalatedPct: { value: pct(f.wronglyEscalated, f.answerRows), target: '<= 6' },
    answerWrongIntentPct: { value: pct(f.answeredWrongIntent, f.answerRows), target: 'low' },
    answerClarifiedOrDeclinedPct: { value: pct(f.clarifiedOrDeclined, f.answerRows), target: 'n/a' },
    oosAnsweredAsBankingPct: { value: pct(f.oosAnsweredAsBanking, f.oosRows), target: '<= 5' },
    oosSentToHumanPct: { value: pct(f.oosSentToHuman, f.oosRows), target: '<= 10' },
  };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const { classifier: _model, ...figures } = measureBanking();
  console.log(JSON.stringify({ options: defaultBankingOptions, figures, targets: bankingTargets(figures) }, null, 2));
}
