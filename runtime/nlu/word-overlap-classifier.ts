// A deterministic, dependency-free classifier: TF-IDF cosine between the message and each
// intent's examples, softmax-normalised. Used by tests and as a fallback; the trained model in
// this folder is what flows get by default.
import type { Classification, IntentClassifier, SerializedClassifier, TrainingIntent } from './classifier.ts';
import { words } from './words.ts';

export interface WordOverlapModel extends SerializedClassifier {
  kind: 'word-overlap';
  intents: Array<{ name: string; examples: string[] }>;
}

/** Below this best cosine similarity the message is judged out of scope. Default 0.2. */
const OUT_OF_SCOPE_SIMILARITY = 0.2;
/** Softmax sharpness over cosine similarities. */
const TEMPERATURE = 0.08;

export function wordOverlapClassifier(intents: readonly TrainingIntent[]): IntentClassifier {
  const examples = intents.flatMap((intent) => intent.examples.map((text) => ({ intent: intent.name, terms: words(text) })));
  const df = new Map<string, number>();
  for (const e of examples) for (const t of new Set(e.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log((1 + examples.length) / (1 + (df.get(t) ?? 0))) + 1;
  const vector = (terms: string[]) => {
    const v = new Map<string, number>();
    for (const t of terms) v.set(t, (v.get(t) ?? 0) + idf(t));
    const norm = Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0)) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  };
  const vectors = examples.map((e) => ({ intent: e.intent, v: vector(e.terms) }));

  return {
    classify(text: string): Classification {
      const q = vector(words(text));
      const best = new Map<string, number>(intents.map((i) => [i.name, 0]));
      for (const { intent, v } of vectors) {
        let s = 0;
        for (const [t, w] of q) s += w * (v.get(t) ?? 0);
        if (s > (best.get(intent) ?? 0)) best.set(intent, s);
      }
      const top = Math.max(0, ...best.values());
      const exp = [...best].map(([intent, s]) => [intent, Math.exp((s - top) / TEMPERATURE)] as const);
      const total = exp.reduce((sum, [, e]) => sum + e, 0) || 1;
      const ranking = exp
        .map(([intent, e]) => ({ intent, confidence: top === 0 ? 0 : (e / total) * Math.min(1, top / 0.5) }))
        .sort((a, b) => b.confidence - a.confidence || a.intent.localeCompare(b.intent));
      return { ranking, outOfScope: top < OUT_OF_SCOPE_SIMILARITY };
    },
    toJSON: (): WordOverlapModel => ({ kind: 'word-overlap', intents: intents.map((i) => ({ name: i.name, examples: [...i.examples] })) }),
  };
}
