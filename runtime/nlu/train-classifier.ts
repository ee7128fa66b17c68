// Trains the built-in intent classifier from a flow's intent examples, with the defaults a new
// flow gets: features, one-vs-rest SVMs, an out-of-scope class and temperature calibration.
import type { TrainingIntent } from './classifier.ts';
import { genericNegatives } from './generic-negatives.ts';
import { LinearIntentClassifier } from './linear-intent-classifier.ts';
import type { LinearModel } from './linear-model.ts';
import { defaultSvmOptions, trainLinearSvm, type SvmOptions } from './linear-svm.ts';
import { quantizeWeights } from './sparse-weights-codec.ts';
import { stratifiedFolds } from './stratified-folds.ts';
import { createPrng, shuffleInPlace } from './prng.ts';
import { fitTemperature } from './temperature-scaling.ts';
import { defaultFeatureOptions, fitVocabulary, tokenize, vectorize, type FeatureOptions, type SparseVector } from './text-features.ts';

/** Options of {@link trainClassifier}; every field has a default that needs no tuning. */
export interface TrainClassifierOptions {
  /** BCP 47 locale used for lower-casing. One model per locale. Default `en`. */
  locale?: string;
  /**
   * Examples of text that is none of the intents, learnt as an extra out-of-scope class.
   * Default: the built-in {@link genericNegatives}; `[]` turns the class off. Examples too close to an
   * intent's own examples (same text, or half their words shared) are left out.
   */
  outOfScopeExamples?: readonly string[];
  /**
   * At most this many out-of-scope examples per example of the median intent (but at least 40),
   * sampled with the seed: a small flow's intents are not swamped by the out-of-scope class, which
   * would make every confidence too low. Default 6 (measured: docs/nlu.md).
   */
  outOfScopeRatio?: number;
  /** Feature extraction. Default {@link defaultFeatureOptions}. */
  features?: Partial<FeatureOptions>;
  /** SVM settings. Default {@link defaultSvmOptions} (C = 1). */
  svm?: Partial<SvmOptions>;
  /** Folds used to hold out data for fitting the temperature. Default 5. */
  calibrationFolds?: number;
  /**
   * Up to this many training examples, every fold is held out once (cross-fitting); above it only
   * one fold is, to bound training time. Default 3000.
   */
  crossFitLimit?: number;
  /** Seed for shuffles and folds. Default 1. */
  seed?: number;
}

function safeLocale(locale: string | undefined): string {
  if (!locale) return 'en';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Leaves out negatives that repeat or half-overlap (word Jaccard ≥ 0.5) an intent example. */
export function filterNegatives(negatives: readonly string[], examples: readonly string[], locale: string, options: FeatureOptions): string[] {
  const sets = examples.map((e) => new Set(tokenize(e, locale, options)));
  const index = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const token of set) {
      const list = index.get(token);
      if (list) list.push(i);
      else index.set(token, [i]);
    }
  });
  const kept: string[] = [];
  for (const negative of negatives) {
    const set = new Set(tokenize(negative, locale, options));
    if (set.size === 0) {
      kept.push(negative);
      continue;
    }
    const shared = new Map<number, number>();
    for (const token of set) for (const i of index.get(token) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    let clash = false;
    for (const [i, n] of shared) {
      if (n / (set.size + sets[i]!.size - n) >= 0.5) {
        clash = true;
        break;
      }
    }
    if (!clash) kept.push(negative);
  }
  return kept;
}

function scoreRows(model: LinearModel, rows: readonly SparseVector[], out: Float64Array, at: readonly number[]): void {
  const k = model.classes;
  rows.forEach((x, r) => {
    const base = at[r]! * k;
    for (let c = 0; c < k; c++) out[base + c] = model.bias[c]!;
    for (let j = 0; j < x.indices.length; j++) {
      const v = x.values[j]!;
      const wb = x.indices[j]! * k;
      for (let c = 0; c < k; c++) out[base + c] = out[base + c]! + v * model.weights[wb + c]!;
    }
  });
}

/**
 * Trains the built-in classifier on `intents` (each with its examples). Deterministic for the same
 * input and options. Intents without examples still appear in every ranking, with low confidence.
 */
export function trainClassifier(intents: readonly TrainingIntent[], options: TrainClassifierOptions = {}): LinearIntentClassifier {
  const locale = safeLocale(options.locale);
  const featureOptions: FeatureOptions = { ...defaultFeatureOptions, ...options.features };
  const svm: SvmOptions = { ...defaultSvmOptions, ...options.svm };
  const seed = options.seed ?? 1;
  const ratio = options.outOfScopeRatio ?? 6;
  const names: string[] = [];
  const classOf = new Map<string, number>();
  const texts: string[] = [];
  const labels: number[] = [];
  for (const intent of intents) {
    let c = classOf.get(intent.name);
    if (c === undefined) {
      c = names.length;
      classOf.set(intent.name, c);
      names.push(intent.name);
    }
    for (const example of intent.examples) {
      if (typeof example !== 'string' || example.trim() === '') continue;
      texts.push(example);
      labels.push(c);
    }
  }
  const intentTexts = texts.length;
  let negatives = filterNegatives(options.outOfScopeExamples ?? genericNegatives, texts, locale, featureOptions);
  const perIntent = names.map((_, c) => labels.filter((l) => l === c).length).sort((a, b) => a - b);
  const median = perIntent[Math.floor(perIntent.length / 2)] ?? 0;
  const cap = Math.max(40, Math.round(ratio * median));
  if (negatives.length > cap) negatives = shuffleInPlace([...negatives], createPrng(seed)).slice(0, cap);
  const outOfScopeClass = negatives.length > 0;
  const oosClass = names.length;
  for (const negative of negatives) {
    texts.push(negative);
    labels.push(oosClass);
  }
  const classes = names.length + (outOfScopeClass ? 1 : 0);
  const vocabulary = fitVocabulary(texts, locale, featureOptions);
  const features = vocabulary.keys.length;
  const x = texts.map((t) => vectorize(t, locale, featureOptions, vocabulary));
  const y = Int32Array.from(labels);

  let temperature = 1;
  const folds = Math.max(2, options.calibrationFolds ?? 5);
  if (texts.length >= 2 * folds && classes > 1) {
    const fold = stratifiedFolds(labels.map(String), folds, seed);
    const rounds = intentTexts <= (options.crossFitLimit ?? 3000) ? folds : 1;
    const heldScores: number[] = [];
    const heldLabels: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const trainIdx: number[] = [];
      const testIdx: number[] = [];
      for (let i = 0; i < texts.length; i++) (fold[i] === r ? testIdx : trainIdx).push(i);
      if (testIdx.length === 0 || trainIdx.length === 0) continue;
      const model = trainLinearSvm(
        trainIdx.map((i) => x[i]!),
        Int32Array.from(trainIdx, (i) => y[i]!),
        features,
        classes,
        { ...svm, seed: seed + r },
      );
      const out = new Float64Array(testIdx.length * classes);
      scoreRows(model, testIdx.map((i) => x[i]!), out, testIdx.map((_, k) => k));
      testIdx.forEach((i, k) => {
        for (let c = 0; c < classes; c++) heldScores.push(out[k * classes + c]!);
        heldLabels.push(y[i]!);
      });
    }
    if (heldLabels.length > 0) temperature = fitTemperature(Float64Array.from(heldScores), heldLabels, classes);
  }

  const model = trainLinearSvm(x, y, features, classes, { ...svm, seed });
  const { weights, scale, q } = quantizeWeights(model.weights, features, classes);
  return new LinearIntentClassifier({
    locale,
    featureOptions,
    intents: names,
    outOfScopeClass,
    temperature,
    vocabulary,
    weights,
    quantized: q,
    weightScale: scale,
    bias: model.bias,
  });
}
