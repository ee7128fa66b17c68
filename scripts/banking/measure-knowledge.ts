// Measures knowledge-base answering on the BANKING77 development split, for docs/knowledge.md:
// 1. retrieval alone (the help centre, first and second revision): top-1/top-3 and right / wrong /
//    declined by threshold; escalate-intent and CLINC150 out-of-scope questions should be declined;
// 2. flows/banking-help end to end, built from the training split only: every dev query (and every
//    out-of-scope query) as a one-message conversation, like measure-banking.ts does for banking-support.
// Run: npx tsx scripts/banking/measure-knowledge.ts [--json] [--grid]
import { parseArgs } from 'node:util';
import { buildKnowledgeIndex, evaluateKnowledge, type KnowledgeIndex } from '../../runtime/knowledge/index.ts';
import { compileFlow, replayConversation, steppingClock, type IntentClassifier } from '../../runtime/index.ts';
import { parseKnowledgeBase, type KnowledgeBaseDocument } from '../../shared/index.ts';
import { banking77Split } from '../split-banking77.ts';
import { smallTalk } from './answers.ts';
import { intentNameOf, readPolicy, type PolicyEntry } from './build-banking-flow.ts';
import { buildBankingHelpFlow, defaultBankingHelpOptions, type BankingHelpOptions } from './build-banking-help-flow.ts';
import { articleIdOf, buildHelpCentre } from './build-help-centre.ts';

const pct = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 10000) / 100);

function helpCentre(revised: boolean): KnowledgeBaseDocument {
  const parsed = parseKnowledgeBase(buildHelpCentre(readPolicy(), { revised }));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.kb;
}

/** Retrieval alone: dev answer-intent rows name their article; escalate-intent rows and out-of-scope rows should be declined. */
export function measureRetrieval(kb: KnowledgeBaseDocument, threshold: number) {
  const policy = readPolicy();
  const { dev, oos } = banking77Split();
  const t0 = performance.now();
  const index = buildKnowledgeIndex(kb);
  const indexMs = performance.now() - t0;
  const now = () => performance.now();
  const inScope = evaluateKnowledge(index, dev.map((r) => ({ text: r.text, article: policy[r.category]!.action === 'answer' ? articleIdOf(r.category) : null })), { threshold, now });
  const outOfScope = evaluateKnowledge(index, oos.map((r) => ({ text: r.text, article: null })), { threshold, now });
  const r = (x: number) => Math.round(x * 10000) / 100;
  return {
    articles: kb.articles.length,
    indexMs: Math.round(indexMs * 10) / 10,
    answerRows: inScope.answerable,
    top1Pct: r(inScope.top1),
    top3Pct: r(inScope.top3),
    byThreshold: inScope.thresholds.map((o, i) => ({
      threshold: o.threshold,
      rightPct: r(o.right),
      wrongPct: r(o.wrong),
      declinedPct: r(o.declined),
      escalateRowsAnsweredPct: r(o.unanswerableAnswered),
      oosAnsweredPct: r(outOfScope.thresholds[i]!.unanswerableAnswered),
    })),
    searchP50Ms: Math.round(inScope.p50Ms * 1000) / 1000,
    searchP99Ms: Math.round(inScope.p99Ms * 1000) / 1000,
    confusions: inScope.confusions.slice(0, 6),
  };
}

export interface KnowledgeFlowFigures {
  answerRows: number;
  answeredRightArticle: number;
  answeredWrongArticle: number;
  wronglyEscalated: number;
  declined: number;
  smallTalk: number;
  escalateRows: number;
  escalatedAny: number;
  escalatedToPolicyQueue: number;
  escalateRowsAnswered: number;
  oosRows: number;
  oosAnswered: number;
  oosSentToHuman: number;
  compileMs: number;
  replayMsPerMessage: number;
}

/** One message per conversation through flows/banking-help built from the training split. */
export function measureKnowledgeFlow(
  options: BankingHelpOptions = defaultBankingHelpOptions,
  knowledge: KnowledgeIndex = buildKnowledgeIndex(helpCentre(true)),
  classifier?: IntentClassifier,
): KnowledgeFlowFigures & { classifier: IntentClassifier } {
  const policy: Record<string, PolicyEntry> = readPolicy();
  const { train, dev, oos } = banking77Split();
  const t0 = performance.now();
  const compiled = compileFlow(buildBankingHelpFlow(train, policy, options), { knowledge, ...(classifier ? { classifier } : {}) });
  const compileMs = performance.now() - t0;
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  const flow = compiled.flow;
  const host = { clock: steppingClock() };
  const firstTurn = (text: string, i: number) => {
    const replay = replayConversation(flow, [text], { conversationId: `m${i}` }, host);
    const turn = replay.turns[0]!;
    const answerPort = turn.traces.flatMap((t) => t.nodes).find((n) => n.type === 'answer')?.port ?? null;
    return { turn, answered: answerPort === 'answered' && turn.status === 'active', articleId: replay.state.kb?.articleId ?? null };
  };
  const f: KnowledgeFlowFigures = {
    answerRows: 0, answeredRightArticle: 0, answeredWrongArticle: 0, wronglyEscalated: 0, declined: 0, smallTalk: 0,
    escalateRows: 0, escalatedAny: 0, escalatedToPolicyQueue: 0, escalateRowsAnswered: 0,
    oosRows: oos.length, oosAnswered: 0, oosSentToHuman: 0,
    compileMs: Math.round(compileMs), replayMsPerMessage: 0,
  };
  const t1 = performance.now();
  dev.forEach((row, i) => {
    const entry = policy[row.category]!;
    const { turn, answered, articleId } = firstTurn(row.text, i);
    if (entry.action === 'escalate') {
      f.escalateRows++;
      if (turn.status === 'escalated') f.escalatedAny++;
      if (turn.handoff?.queue === entry.queue) f.escalatedToPolicyQueue++;
      if (answered) f.escalateRowsAnswered++;
      return;
    }
    f.answerRows++;
    if (turn.status === 'escalated') f.wronglyEscalated++;
    else if (answered && articleId === articleIdOf(intentNameOf(row.category))) f.answeredRightArticle++;
    else if (answered) f.answeredWrongArticle++;
    else if (turn.intent !== null && turn.intent in smallTalk) f.smallTalk++;
    else f.declined++;
  });
  oos.forEach((row, i) => {
    const { turn, answered } = firstTurn(row.text, dev.length + i);
    if (turn.status === 'escalated') f.oosSentToHuman++;
    else if (answered) f.oosAnswered++;
  });
  f.replayMsPerMessage = Math.round(((performance.now() - t1) / (dev.length + oos.length)) * 1000) / 1000;
  return { ...f, classifier: flow.classifier! };
}

export function knowledgeFlowRates(f: KnowledgeFlowFigures) {
  return {
    answerRightArticlePct: pct(f.answeredRightArticle, f.answerRows),
    answerWrongArticlePct: pct(f.answeredWrongArticle, f.answerRows),
    answerWronglyEscalatedPct: pct(f.wronglyEscalated, f.answerRows),
    answerDeclinedPct: pct(f.declined, f.answerRows),
    answerTakenAsSmallTalkPct: pct(f.smallTalk, f.answerRows),
    escalateEscalatedAnyPct: pct(f.escalatedAny, f.escalateRows),
    escalateToPolicyQueuePct: pct(f.escalatedToPolicyQueue, f.escalateRows),
    escalateAnsweredPct: pct(f.escalateRowsAnswered, f.escalateRows),
    oosAnsweredAsBankingPct: pct(f.oosAnswered, f.oosRows),
    oosSentToHumanPct: pct(f.oosSentToHuman, f.oosRows),
  };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, grid: { type: 'boolean', default: false } } });
  const threshold = defaultBankingHelpOptions.answerThreshold;
  const knowledge = buildKnowledgeIndex(helpCentre(true));
  const report: Record<string, unknown> = {
    retrievalFirstRevision: measureRetrieval(helpCentre(false), threshold),
    retrievalSecondRevision: measureRetrieval(helpCentre(true), threshold),
  };
  const { classifier: _model, ...figures } = measureKnowledgeFlow(defaultBankingHelpOptions, knowledge);
  report.flow = { options: defaultBankingHelpOptions, figures, rates: knowledgeFlowRates(figures) };
  if (values.grid) {
    const grid: unknown[] = [];
    const routines: BankingHelpOptions['routine'][] = [{ from: 'none' }, { from: 'articles' }, { from: 'training', perIntent: 10 }, { from: 'training', perIntent: 30 }, { from: 'training', perIntent: 50 }, { from: 'training', perIntent: 1000 }];
    for (const routine of routines) {
      let model: IntentClassifier | undefined;
      for (const [escalateMinConfidence, riskMassThreshold] of [[0.2, 0.15], [0.1, 0.1], [0.3, 0.3]] as const) {
        for (const answerThreshold of [0.3, 0.4, 0.5, 0.6]) {
          const options = { ...defaultBankingHelpOptions, routine, escalateMinConfidence, riskMassThreshold, answerThreshold };
          const { classifier, ...figures } = measureKnowledgeFlow(options, knowledge, model);
          model = classifier;
          grid.push({ routine, escalateMinConfidence, riskMassThreshold, answerThreshold, ...knowledgeFlowRates(figures) });
        }
      }
    }
    report.grid = grid;
  }
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${JSON.stringify(report, null, 2)}\n`);
}
