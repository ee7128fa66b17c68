// What a reviewer needs to choose a confidence threshold: replay labelled one-message
// conversations through a flow at a range of thresholds and count what the customer would get.
// Shared by `switchboard tune`; each message goes through the same replayCase as the
// replay-before-publish comparison (compare-versions.ts).
import type { FlowDocumentInput, Json } from '../../shared/index.ts';
import { compileFlow } from '../compile/compile-flow.ts';
import type { CompiledFlow } from '../compiled-flow.ts';
import type { IntentClassifier } from '../nlu/classifier.ts';
import { replayCase } from './compare-versions.ts';

export interface LabelledMessage {
  text: string;
  /** A flow intent name, or `oos` for a message the bot should not answer. */
  category: string;
}

export interface SweepRow {
  threshold: number;
  /** Answer-intent messages the bot kept (did not hand over). */
  answerContainment: number;
  /** Answer-intent messages the bot acted on with the right intent. */
  correctAnswerRate: number;
  /** Escalate-intent messages handed to a human on that message. */
  escalationRecall: number;
  /** Answer-intent messages handed to a human although the bot could have answered. */
  unnecessaryEscalations: number;
  /** Out-of-scope messages the bot answered as if they were one of its intents. */
  oosFalseAnswers: number;
  /** Out-of-scope messages handed to a human. */
  oosEscalations: number;
}

export interface SweepResult {
  counts: { answer: number; escalate: number; oos: number };
  /** Intents the flow hands over when it understands them perfectly. */
  escalateIntents: string[];
  rows: SweepRow[];
}

const OUT_OF_SCOPE = 'oos';

/**
 * Which intents the flow escalates: each intent is fed through the flow as if the classifier
 * were certain of it, so the answer follows the flow's own rules and handoff nodes.
 */
export function escalateIntents(doc: FlowDocumentInput): string[] {
  const names = (doc.intents ?? []).map((i) => i.name);
  return names.filter((name) => {
    const certain: IntentClassifier = {
      classify: () => ({ ranking: [{ intent: name, confidence: 1 }, ...names.filter((n) => n !== name).map((intent) => ({ intent, confidence: 0 }))], outOfScope: false }),
      toJSON: () => ({ kind: 'certain' }),
    };
    const compiled = compileFlow(doc, { classifier: certain });
    if (!compiled.ok) return false;
    return replayCase(compiled.flow, { id: 'oracle', messages: ['message'], channel: 'web' }).outcome.escalated;
  });
}

export function thresholdSweep(doc: FlowDocumentInput, classifier: IntentClassifier, messages: readonly LabelledMessage[], thresholds: readonly number[]): SweepResult {
  const escalating = new Set(escalateIntents(doc));
  const kind = (category: string) => (category === OUT_OF_SCOPE ? 'oos' : escalating.has(category) ? 'escalate' : 'answer');
  const counts = { answer: 0, escalate: 0, oos: 0 };
  for (const m of messages) counts[kind(m.category)]++;
  const rate = (n: number, of: number) => (of === 0 ? 0 : n / of);

  const rows = thresholds.map((threshold): SweepRow => {
    const flow = compileAt(doc, classifier, threshold);
    const tally = { kept: 0, right: 0, escalated: 0, unnecessary: 0, oosAnswered: 0, oosEscalated: 0 };
    messages.forEach((m, i) => {
      const turn = replayCase(flow, { id: `t${i}`, messages: [m.text], channel: 'web' }).outcome;
      const handedOver = turn.escalated;
      switch (kind(m.category)) {
        case 'answer':
          if (!handedOver) tally.kept++;
          else tally.unnecessary++;
          if (!handedOver && turn.intent === m.category) tally.right++;
          break;
        case 'escalate':
          if (handedOver) tally.escalated++;
          break;
        case 'oos':
          if (handedOver) tally.oosEscalated++;
          else if (turn.intent !== null) tally.oosAnswered++;
          break;
      }
    });
    return {
      threshold,
      answerContainment: rate(tally.kept, counts.answer),
      correctAnswerRate: rate(tally.right, counts.answer),
      escalationRecall: rate(tally.escalated, counts.escalate),
      unnecessaryEscalations: rate(tally.unnecessary, counts.answer),
      oosFalseAnswers: rate(tally.oosAnswered, counts.oos),
      oosEscalations: rate(tally.oosEscalated, counts.oos),
    };
  });
  return { counts, escalateIntents: [...escalating].sort(), rows };
}

function compileAt(doc: FlowDocumentInput, classifier: IntentClassifier, threshold: number): CompiledFlow {
  const settings = { ...(doc.settings ?? {}), confidenceThreshold: threshold } as Record<string, Json>;
  const compiled = compileFlow({ ...doc, settings }, { classifier });
  if (!compiled.ok) throw new Error(`the flow does not compile: ${compiled.problems[0]?.message}`);
  return compiled.flow;
}

export interface SweepTargets {
  minEscalationRecall?: number;
  maxOosFalseAnswers?: number;
  maxUnnecessaryEscalations?: number;
}

/** The threshold meeting every target with the most right answers; null when none does. */
export function chooseThreshold(rows: readonly SweepRow[], targets: SweepTargets): SweepRow | null {
  const meets = rows.filter(
    (r) =>
      r.escalationRecall >= (targets.minEscalationRecall ?? 0) &&
      r.oosFalseAnswers <= (targets.maxOosFalseAnswers ?? 1) &&
      r.unnecessaryEscalations <= (targets.maxUnnecessaryEscalations ?? 1),
  );
  return meets.sort((a, b) => b.correctAnswerRate - a.correctAnswerRate || a.threshold - b.threshold)[0] ?? null;
}
