// The classifier a flow gets when its host passes none.
import type { IntentClassifier, TrainingIntent } from './classifier.ts';
import { wordOverlapClassifier } from './word-overlap-classifier.ts';

export function defaultTrainer(intents: TrainingIntent[], _locale: string): IntentClassifier {
  return wordOverlapClassifier(intents);
}
