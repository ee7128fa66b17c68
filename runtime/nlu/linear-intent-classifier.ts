// The built-in intent classifier at inference time: featurise, score with sparse linear weights,
// temperature-scaled softmax, out-of-scope judgement. Training and loading both end here.
import type { Classification, IntentClassifier, SerializedClassifier } from './classifier.ts';
import type { RankedIntent } from '../../shared/handoff.ts';
import type { FeatureOptions, Vocabulary } from './text-features.ts';
import { SparseVectorBuffer, vectorizeInto } from './text-features.ts';
import type { SparseWeights } from './sparse-weights-codec.ts';
import { encodeWeights } from './sparse-weights-codec.ts';
import { ScoringWeights } from './scoring-weights.ts';

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
  private readonly scoring: ScoringWeights;
  /** Per-call scratch: class scores, then their exponentials, then the sorted confidences. */
  private readonly scores: Float64Array;
  /** Per-call scratch: intent indices, sorted by confidence. */
  private readonly order: Int32Array;
  /** Per-call scratch: the text's features. */
  private readonly features = new SparseVectorBuffer();

  constructor(parts: LinearClassifierParts) {
    this.parts = parts;
    this.scoring = new ScoringWeights(parts.weights);
    this.scores = new Float64Array(parts.bias.length);
    this.order = new Int32Array(parts.intents.length);
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
    const x = this.features;
    vectorizeInto(text, p.locale, p.featureOptions, p.vocabulary, x);
    const k = p.intents.length;
    if (x.size === 0) return { ranking: p.intents.map((intent) => ({ intent, confidence: 0 })), outOfScope: true };
    const s = this.scores;
    const classes = p.bias.length;
    this.scoring.scoreInto(x, p.bias, s, x.size);
    let max = -Infinity;
    for (let c = 0; c < classes; c++) if (s[c]! > max) max = s[c]!;
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp((s[c]! - max) / p.temperature);
      s[c] = e;
      sum += e;
    }
    let best = 0;
    for (let c = 0; c < k; c++) {
      const confidence = Math.min(1, Math.max(0, s[c]! / sum));
      s[c] = confidence;
      if (confidence > best) best = confidence;
    }
    const oos = p.outOfScopeClass ? s[k]! / sum : 0;
    const order = this.order;
    sortByConfidence(s, order);
    const ranking: RankedIntent[] = new Array(k);
    for (let r = 0; r < k; r++) ranking[r] = { intent: p.intents[order[r]!]!, confidence: s[r]! };
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

/**
 * Sorts the first `order.length` entries of `confidence` in place, highest first, and fills `order`
 * with their former indices; equal confidences keep index order, as a stable sort of the intents would.
 * An insertion sort over typed arrays: for ~80 intents it costs a third of `Array#sort` with a comparator.
 */
function sortByConfidence(confidence: Float64Array, order: Int32Array): void {
  for (let i = 0; i < order.length; i++) {
    const c = confidence[i]!;
    let at = i;
    while (at > 0 && confidence[at - 1]! < c) {
      confidence[at] = confidence[at - 1]!;
      order[at] = order[at - 1]!;
      at--;
    }
    confidence[at] = c;
    order[at] = i;
  }
}
