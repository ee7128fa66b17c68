// Turns a stored model (the JSON kept with a flow version) back into a classifier without
// retraining; malformed JSON is reported as a value, not thrown.
import type { SerializedClassifier } from './classifier.ts';
import {
  LINEAR_CLASSIFIER_KIND,
  LINEAR_CLASSIFIER_VERSION,
  LinearIntentClassifier,
  type SerializedLinearClassifier,
} from './linear-intent-classifier.ts';
import { decodeWeights } from './sparse-weights-codec.ts';
import { defaultFeatureOptions, vocabularyFromCounts, type FeatureOptions } from './text-features.ts';

export type LoadResult = { ok: true; classifier: LinearIntentClassifier } | { ok: false; message: string };

const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number' && Number.isFinite(n));
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((n) => typeof n === 'string');

/** Checks and loads a serialised built-in model; says what is wrong instead of throwing. */
export function tryLoadClassifier(json: SerializedClassifier): LoadResult {
  const j = json as Partial<SerializedLinearClassifier> & SerializedClassifier;
  if (j === null || typeof j !== 'object') return { ok: false, message: 'model is not an object' };
  if (j.kind !== LINEAR_CLASSIFIER_KIND) return { ok: false, message: `unknown model kind ${JSON.stringify(j.kind)}` };
  if (j.version !== LINEAR_CLASSIFIER_VERSION) return { ok: false, message: `unsupported model version ${JSON.stringify(j.version)}` };
  if (typeof j.locale !== 'string') return { ok: false, message: 'locale must be a string' };
  if (!isStringArray(j.intents)) return { ok: false, message: 'intents must be an array of strings' };
  if (typeof j.outOfScopeClass !== 'boolean') return { ok: false, message: 'outOfScopeClass must be a boolean' };
  if (typeof j.temperature !== 'number' || !(j.temperature > 0)) return { ok: false, message: 'temperature must be a positive number' };
  if (typeof j.documents !== 'number' || j.documents < 0) return { ok: false, message: 'documents must be a number' };
  if (!isStringArray(j.vocabulary)) return { ok: false, message: 'vocabulary must be an array of strings' };
  if (!isNumberArray(j.df) || j.df.length !== j.vocabulary.length) return { ok: false, message: 'df must be numbers, one per vocabulary entry' };
  const classes = j.intents.length + (j.outOfScopeClass ? 1 : 0);
  if (!isNumberArray(j.bias) || j.bias.length !== classes) return { ok: false, message: `bias must be ${classes} numbers` };
  if (typeof j.weightScale !== 'number' || typeof j.weights !== 'string') return { ok: false, message: 'weights are missing' };
  const fo = j.featureOptions as Partial<FeatureOptions> | undefined;
  if (!fo || typeof fo !== 'object' || !isNumberArray(fo.wordNgrams) || !isNumberArray(fo.charNgrams) || fo.charNgrams.length !== 2) {
    return { ok: false, message: 'featureOptions are malformed' };
  }
  const featureOptions: FeatureOptions = { ...defaultFeatureOptions, ...fo, charNgrams: [fo.charNgrams[0]!, fo.charNgrams[1]!] };
  const vocabulary = vocabularyFromCounts(j.vocabulary, Int32Array.from(j.df), j.documents);
  const weights = decodeWeights(j.weights, j.vocabulary.length, classes, j.weightScale);
  if (typeof weights === 'string') return { ok: false, message: weights };
  const quantized = Int8Array.from(weights.values, (v) => Math.round(v / j.weightScale!));
  return {
    ok: true,
    classifier: new LinearIntentClassifier({
      locale: j.locale,
      featureOptions,
      intents: j.intents,
      outOfScopeClass: j.outOfScopeClass,
      temperature: j.temperature,
      vocabulary,
      weights,
      quantized,
      weightScale: j.weightScale,
      bias: Float32Array.from(j.bias),
    }),
  };
}

/**
 * Loads a model produced by `classifier.toJSON()`; its rankings are identical to the trained
 * classifier's. Throws an Error naming the problem for JSON that is not such a model (this is
 * stored data, not user input; use {@link tryLoadClassifier} to get the problem as a value).
 */
export function loadClassifier(json: SerializedClassifier): LinearIntentClassifier {
  const result = tryLoadClassifier(json);
  if (!result.ok) throw new Error(`cannot load intent model: ${result.message}`);
  return result.classifier;
}
