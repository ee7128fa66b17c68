// The page's side of the NLU worker: one worker, promise-based requests, and a cache of trained
// models keyed by the training data, so the simulator retrains only when examples change.
import { loadClassifier, type IntentClassifier, type SerializedClassifier } from '../../runtime/nlu/index.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import type { NluRequest, NluResponse, QualityReport, TrainingSet } from './nlu-protocol.ts';
import NluWorker from './nlu.worker.ts?worker';

type Pending = { resolve: (r: NluResponse) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function request(message: WithoutId<NluRequest>): Promise<NluResponse> {
  if (!worker) {
    worker = new NluWorker();
    worker.onmessage = (e: MessageEvent<NluResponse>) => {
      pending.get(e.data.id)?.resolve(e.data);
      pending.delete(e.data.id);
    };
  }
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    worker!.postMessage({ ...message, id } as NluRequest);
  });
}

/** The training sets compileFlow would train: the main locale, then each other locale with examples. */
export function trainingSets(doc: EditorDoc): TrainingSet[] {
  const locale = doc.locale ?? 'en';
  const intents = doc.intents ?? [];
  const clean = (examples: readonly string[] | undefined) => (examples ?? []).filter((e) => e.trim());
  const sets: TrainingSet[] = [{ locale, intents: intents.map((i) => ({ name: i.name, examples: clean(i.examples) })).filter((i) => i.examples.length > 0) }];
  const locales = new Set(intents.flatMap((i) => Object.keys(i.localeExamples ?? {})));
  for (const other of locales) {
    if (other === locale) continue;
    sets.push({ locale: other, intents: intents.map((i) => ({ name: i.name, examples: clean(i.localeExamples?.[other]) })).filter((i) => i.examples.length > 0) });
  }
  return sets;
}

/** A cheap fingerprint of the training data (FNV-1a over names and examples). */
export function trainingKey(sets: readonly TrainingSet[]): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  for (const set of sets) {
    feed(set.locale);
    for (const intent of set.intents) {
      feed(intent.name);
      intent.examples.forEach(feed);
    }
  }
  return `${(h >>> 0).toString(16)}-${sets.reduce((n, s) => n + s.intents.reduce((m, i) => m + i.examples.length, 0), 0)}`;
}

export interface TrainedModels {
  key: string;
  main: IntentClassifier | null;
  byLocale: Record<string, IntentClassifier>;
  ms: number;
}

const cache = new Map<string, Promise<TrainedModels>>();

/** Trained models for `doc`'s intents, from the cache or the worker. */
export function modelsFor(doc: EditorDoc): Promise<TrainedModels> {
  const sets = trainingSets(doc);
  const key = trainingKey(sets);
  const cached = cache.get(key);
  if (cached) return cached;
  const promise = request({ kind: 'train', sets }).then((response): TrainedModels => {
    if (response.kind !== 'trained') throw new Error(response.kind === 'failed' ? response.message : 'Unexpected answer from the NLU worker.');
    const byLocale: Record<string, IntentClassifier> = {};
    for (const [locale, json] of Object.entries(response.models)) byLocale[locale] = loadClassifier(json as SerializedClassifier);
    return { key, main: byLocale[doc.locale ?? 'en'] ?? null, byLocale, ms: response.ms };
  });
  promise.catch(() => cache.delete(key));
  if (cache.size > 4) cache.delete(cache.keys().next().value!);
  cache.set(key, promise);
  return promise;
}

/** Whether `doc`'s models are already trained (no wait). */
export function hasModelsFor(doc: EditorDoc): boolean {
  return cache.has(trainingKey(trainingSets(doc)));
}

export async function evaluateIntents(doc: EditorDoc): Promise<QualityReport> {
  const [main] = trainingSets(doc);
  const response = await request({ kind: 'evaluate', set: main!, heldOutFraction: 0.2 });
  if (response.kind !== 'evaluated') throw new Error(response.kind === 'failed' ? response.message : 'Unexpected answer from the NLU worker.');
  return response.report;
}
