// Which intent models a flow document needs, and the key each is stored under: the same training
// examples give the same key, so a version that changes only messages reuses its parent's model.
import type { FlowDocument } from '../../../shared/index.ts';
import type { TrainingIntent } from '../../../runtime/index.ts';
import { LINEAR_CLASSIFIER_KIND, LINEAR_CLASSIFIER_VERSION } from '../../../runtime/nlu/linear-intent-classifier.ts';
import { canonicalJson } from '../../crypto/canonical-json.ts';
import { sha256Hex } from '../../crypto/digest.ts';

/** Changes whenever the built-in trainer would produce a different model for the same examples. */
const TRAINER = `${LINEAR_CLASSIFIER_KIND}@${LINEAR_CLASSIFIER_VERSION}`;

/** The storage key of the model trained on `intents` for `locale`. */
export function modelKey(intents: readonly TrainingIntent[], locale: string): string {
  return sha256Hex(canonicalJson({ trainer: TRAINER, locale, intents: intents.map((i) => ({ name: i.name, examples: [...i.examples] })) }));
}

/**
 * The training sets compileFlow will ask for, by locale: the main locale from `examples`, every
 * other locale from `localeExamples` (mirrors runtime/compile/compile-flow.ts).
 */
export function trainingSets(doc: FlowDocument): Map<string, TrainingIntent[]> {
  const sets = new Map<string, TrainingIntent[]>();
  const build = (examplesOf: (i: FlowDocument['intents'][number]) => readonly string[]) =>
    doc.intents.map((i) => ({ name: i.name, examples: examplesOf(i).filter((e) => e.trim()) })).filter((i) => i.examples.length > 0);
  const main = build((i) => i.examples);
  if (main.length > 0) sets.set(doc.locale, main);
  for (const locale of new Set(doc.intents.flatMap((i) => Object.keys(i.localeExamples ?? {})))) {
    if (locale === doc.locale) continue;
    const set = build((i) => i.localeExamples?.[locale] ?? []);
    if (set.length > 0) sets.set(locale, set);
  }
  return sets;
}
