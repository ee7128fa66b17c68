// The intent classifier port. The engine only sees this interface, so the built-in model,
// a test double with fixed rankings, or a remote NLU behind a host adapter all plug in the same way.
import type { RankedIntent } from '../../shared/handoff.ts';

export interface Classification {
  /** Every intent with its probability, highest first. Probabilities are calibrated and sum to at most 1. */
  ranking: RankedIntent[];
  /** The classifier's own judgement that the text belongs to none of the flow's intents. */
  outOfScope: boolean;
}

export interface IntentClassifier {
  classify(text: string): Classification;
  /** A JSON form that `load` turns back into an equal classifier (stored with a flow version). */
  toJSON(): SerializedClassifier;
}

export interface SerializedClassifier {
  kind: string;
  [key: string]: unknown;
}

export interface TrainingIntent {
  name: string;
  examples: readonly string[];
}
