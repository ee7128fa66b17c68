// The classifier a flow gets when its host passes none: the built-in calibrated linear model.
import type { IntentClassifier, TrainingIntent } from './classifier.ts';
import { trainClassifier } from './train-classifier.ts';

export function defaultTrainer(intents: TrainingIntent[], locale: string): IntentClassifier {
  return trainClassifier(intents, { locale });
}
