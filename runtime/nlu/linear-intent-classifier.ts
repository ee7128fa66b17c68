// The built-in intent classifier at inference time: featurise, score with sparse linear weights,
// temperature-scaled softmax, out-of-scope judgement. Training and loading both end here.
import type { Classification, IntentClassifier, SerializedClassifier } from './classifier.ts';
import type { RankedIntent } from '../../shared/handoff.ts';
import type { FeatureOptions, Vocabulary } from './text-features.ts';
import { vectorize } from './text-features.ts';
import type { SparseWeights } from './sparse-weights-codec.ts';
import { encodeWeights } from './sparse-weights-codec.ts';

/** The `kind` of serialised built-in models. */
export const LINEAR_CLASSIFIER_KIND = 'switchboard-linear-svm';
/** Format version of the serialised model; bumped on incompatible changes. */
export const LINEAR_CLASSIFIER_VERSION = 1;

/** Everything a trained model consists of. */
export interface LinearClassifierParts {
  locale: string;
  featureOptions: FeatureOptions;
  intents: string[];
  /** Whether the last class is the built-in out-of-scope class. */
  outOfScopeClass: boolean;
  temperature: number;
  vocabulary: Vocabulary;
  weights: SparseWeights;
  /** Quantised values parallel to `weights.values` (what is serialised). */
  quantized: Int8Array;
  weightScale: number;
  bias: Float32Array;
}

/** The JSON form of the built-in model (see {@link LinearIntentClassifier.toJSON}). */
export interface SerializedLinearClassifier extends SerializedClassifier {
  kind: typeof LINEAR_CLASSIFIER_KIND;
  version: number;
  locale: string;
  featureOptions: FeatureOptions;
  intents: string[];
  outOfScopeClass: boolean;
  temperature: number;
  documents: number;
  vocabulary: string[];
  df: number[];
  bias: number[];
  weightScale: number;
  weights: string;
}

/** Linear intent classifier over word and character n-grams with calibrated probabilities. */
export class LinearIntentClassifier implements IntentClassifier {
  readonly parts: LinearClassifierParts;
  private readonly scores: Float64Array;

  constructor(parts: LinearClassifierParts) {
    this.parts = parts;
    this.scores = new Float64Array(parts.bias.length);
  }

  /** Intent names in definition order. */
  get intents(): readonly string[] {
    return this.parts.intents;
  }

  /**
   * Ranks every intent. The confidences are calibrated probabilities; what they leave to 1 is the
   * out-of-scope class's probability. `outOfScope` is true when that is at least the top intent's,
   * or when the text contains nothing the model knows (then every confidence is 0).
   * Never throws.
   */
  classify(text: string): Classification {
    try {
      return this.classifyUnsafe(typeof text === 'string' ? text : String(text ?? ''));
    } catch {
      return { ranking: this.parts.intents.map((intent) => ({ intent, confidence: 0 })), outOfScope: true };
    }
  }

  private classifyUnsafe(text: string): Classification {
    const p = this.parts;
    const x = vectorize(text, p.locale, p.featureOptions, p.vocabulary);
    const k = p.intents.length;
    if (x.indices.length === 0) return { ranking: p.intents.map((intent) => ({ intent, confidence: 0 })), outOfScope: true };
    const s = this.scores;
    const classes = p.bias.length;
    for (let c = 0; c < classes; c++) s[c] = p.bias[c]!;
    const { rowStart, cls, values } = p.weights;
    for (let j = 0; j < x.indices.length; j++) {
      const f = x.indices[j]!;
      const v = x.values[j]!;
      for (let q = rowStart[f]!; q < rowStart[f + 1]!; q++) s[cls[q]!] = s[cls[q]!]! + v * values[q]!;
    }
    let max = -Infinity;
    for (let c = 0; c < classes; c++) if (s[c]! > max) max = s[c]!;
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp((s[c]! - max) / p.temperature);
      s[c] = e;
      sum += e;
    }
    const ranking: RankedIntent[] = new Array(k);
    let best = 0;
    for (let c = 0; c < k; c++) {
      const confidence = Math.min(1, Math.max(0, s[c]! / sum));
      ranking[c] = { intent: p.intents[c]!, confidence };
      if (confidence > best) best = confidence;
    }
    const oos = p.outOfScopeClass ? s[k]! / sum : 0;
    ranking.sort((a, b) => b.confidence - a.confidence);
    return { ranking, outOfScope: p.outOfScopeClass && oos >= best };
  }

  /** The JSON that {@link loadClassifier} turns back into a classifier with identical rankings. */
  toJSON(): SerializedLinearClassifier {
    const p = this.parts;
    return {
      kind: LINEAR_CLASSIFIER_KIND,
      version: LINEAR_CLASSIFIER_VERSION,
      locale: p.locale,
      featureOptions: { ...p.featureOptions, wordNgrams: [...p.featureOptions.wordNgrams] },
      intents: [...p.intents],
      outOfScopeClass: p.outOfScopeClass,
      temperature: p.temperature,
      documents: p.vocabulary.documents,
      vocabulary: [...p.vocabulary.keys],
      df: Array.from(p.vocabulary.df),
      bias: Array.from(p.bias),
      weightScale: p.weightScale,
      weights: encodeWeights(p.weights, p.quantized),
    };
  }
}
