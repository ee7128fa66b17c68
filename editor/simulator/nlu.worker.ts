// The NLU worker: trains the runtime's built-in classifier (same trainer and options as
// compileFlow's default) and measures per-intent quality on a held-out split.
import { stratifiedSplit, trainClassifier } from '../../runtime/nlu/index.ts';
import type { NluRequest, NluResponse, QualityReport, TrainingSet } from './nlu-protocol.ts';

const post = (message: NluResponse) => (self as unknown as { postMessage(m: NluResponse): void }).postMessage(message);

function evaluate(set: TrainingSet, heldOutFraction: number): QualityReport {
  const texts: string[] = [];
  const labels: string[] = [];
  for (const intent of set.intents) {
    for (const e of intent.examples) {
      if (!e.trim()) continue;
      texts.push(e);
      labels.push(intent.name);
    }
  }
  const { train, heldOut } = stratifiedSplit(labels, heldOutFraction, 7);
  const byIntent = new Map<string, string[]>();
  for (const i of train) {
    const list = byIntent.get(labels[i]!);
    if (list) list.push(texts[i]!);
    else byIntent.set(labels[i]!, [texts[i]!]);
  }
  const model = trainClassifier([...byIntent].map(([name, examples]) => ({ name, examples })), { locale: set.locale });
  const tp = new Map<string, number>();
  const predicted = new Map<string, number>();
  const support = new Map<string, number>();
  const confusion = new Map<string, Map<string, number>>();
  let right = 0;
  for (const i of heldOut) {
    const label = labels[i]!;
    const top = model.classify(texts[i]!).ranking[0]?.intent ?? '';
    support.set(label, (support.get(label) ?? 0) + 1);
    predicted.set(top, (predicted.get(top) ?? 0) + 1);
    if (top === label) {
      right++;
      tp.set(label, (tp.get(label) ?? 0) + 1);
    } else {
      const row = confusion.get(label) ?? new Map<string, number>();
      row.set(top, (row.get(top) ?? 0) + 1);
      confusion.set(label, row);
    }
  }
  const perIntent = set.intents.map((intent) => {
    const s = support.get(intent.name) ?? 0;
    const t = tp.get(intent.name) ?? 0;
    const p = predicted.get(intent.name) ?? 0;
    const precision = p ? t / p : 0;
    const recall = s ? t / s : 0;
    const worst = [...(confusion.get(intent.name) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1])[0];
    return {
      intent: intent.name,
      support: s,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      confusedWith: worst ? { intent: worst[0], count: worst[1] } : null,
    };
  });
  return { accuracy: heldOut.length ? right / heldOut.length : 0, heldOut: heldOut.length, perIntent };
}

self.onmessage = (event: MessageEvent<NluRequest>) => {
  const request = event.data;
  const started = performance.now();
  try {
    if (request.kind === 'train') {
      const models: Record<string, ReturnType<ReturnType<typeof trainClassifier>['toJSON']>> = {};
      for (const set of request.sets) if (set.intents.length > 0) models[set.locale] = trainClassifier(set.intents, { locale: set.locale }).toJSON();
      post({ kind: 'trained', id: request.id, models, ms: performance.now() - started });
    } else {
      post({ kind: 'evaluated', id: request.id, report: evaluate(request.set, request.heldOutFraction), ms: performance.now() - started });
    }
  } catch (error) {
    post({ kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
};
