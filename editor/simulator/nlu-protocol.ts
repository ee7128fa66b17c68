// Messages between the page and the NLU worker. Training a model (banking-support: 10,000
// examples, ~10 s) and measuring its quality happen in the worker so the editor stays responsive;
// the trained model comes back in its JSON form and is loaded in the page, where the runtime's
// synchronous `classify` needs it.
import type { SerializedClassifier, TrainingIntent } from '../../runtime/nlu/index.ts';

export interface TrainingSet {
  locale: string;
  intents: TrainingIntent[];
}

export interface IntentQualityRow {
  intent: string;
  /** Held-out examples of this intent. */
  support: number;
  precision: number;
  recall: number;
  f1: number;
  /** The intent its held-out examples were most often mistaken for, with how often. */
  confusedWith: { intent: string; count: number } | null;
}

export interface QualityReport {
  accuracy: number;
  heldOut: number;
  perIntent: IntentQualityRow[];
}

export type NluRequest =
  | { kind: 'train'; id: number; sets: TrainingSet[] }
  | { kind: 'evaluate'; id: number; set: TrainingSet; heldOutFraction: number };

export type NluResponse =
  | { kind: 'trained'; id: number; models: Record<string, SerializedClassifier>; ms: number }
  | { kind: 'evaluated'; id: number; report: QualityReport; ms: number }
  | { kind: 'failed'; id: number; message: string };
