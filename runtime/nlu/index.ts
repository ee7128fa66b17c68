// The public face of the built-in NLU: train a classifier from a flow's intents, load a stored one,
// and the port types the engine programs against.
export type { Classification, IntentClassifier, SerializedClassifier, TrainingIntent } from './classifier.ts';
export { trainClassifier, type TrainClassifierOptions } from './train-classifier.ts';
export { loadClassifier, tryLoadClassifier, type LoadResult } from './load-classifier.ts';
export {
  LinearIntentClassifier,
  LINEAR_CLASSIFIER_KIND,
  type SerializedLinearClassifier,
} from './linear-intent-classifier.ts';
export { genericNegatives } from './generic-negatives.ts';
export { defaultFeatureOptions, type FeatureOptions } from './text-features.ts';
export { parseCsv, parseLabelledCsv, type LabelledText, type CsvProblem } from './csv.ts';
export { accuracy, macroF1, expectedCalibrationError, quantile, type ScoredPrediction } from './metrics.ts';
export { stratifiedSplit, stratifiedFolds } from './stratified-folds.ts';
