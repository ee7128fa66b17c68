// @ts-check
// The model thread (see model-thread.ts): holds intent models and knowledge indexes loaded from
// their stored JSON and answers the questions it is sent, a batch per message, in order.
// Plain JavaScript that imports the TypeScript model code through tsx, so that any runner (tsx,
// Vitest, node) can start it as a worker.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

/** @type {typeof import('../../../runtime/nlu/load-classifier.ts')} */
const { tryLoadClassifier } = await tsImport('../../../runtime/nlu/load-classifier.ts', import.meta.url);
/** @type {typeof import('../../../runtime/knowledge/knowledge-index.ts')} */
const { tryLoadKnowledgeIndex } = await tsImport('../../../runtime/knowledge/knowledge-index.ts', import.meta.url);

/** @type {Map<string, { classifier: import('../../../runtime/nlu/linear-intent-classifier.ts').LinearIntentClassifier, index: Map<string, number> }>} */
const classifiers = new Map();
/** @type {Map<string, import('../../../runtime/knowledge/knowledge-index.ts').KnowledgeIndex>} */
const indexes = new Map();

/**
 * One batch's answers. Classifications flat: per text its seconds, then 1 (out of scope), 0 (in
 * scope) or -1 (no such model: the main thread classifies it), then the ranking's length and, per
 * ranked intent, its index in the model's intents and its confidence. Searches in order: seconds
 * and hits (null: no such index).
 * @param {Array<string | number>} items per question: 0 (classify) or 1 (search), key, text, limit, locale
 */
function answerBatch(items) {
  /** @type {number[]} */
  const classified = [];
  /** @type {Array<{ seconds: number, hits: unknown[] | null }>} */
  const searched = [];
  for (let i = 0; i < items.length; i += 5) {
    const key = /** @type {string} */ (items[i + 1]);
    const text = /** @type {string} */ (items[i + 2]);
    if (items[i] === 1) {
      const index = indexes.get(key);
      const t0 = performance.now();
      const hits = index ? index.search(text, { limit: /** @type {number} */ (items[i + 3]), locale: /** @type {string} */ (items[i + 4]) }) : null;
      searched.push({ seconds: (performance.now() - t0) / 1000, hits });
      continue;
    }
    const model = classifiers.get(key);
    if (!model) {
      classified.push(0, -1, 0);
      continue;
    }
    const t0 = performance.now();
    const { ranking, outOfScope } = model.classifier.classify(text);
    classified.push((performance.now() - t0) / 1000, outOfScope ? 1 : 0, ranking.length);
    for (const r of ranking) classified.push(/** @type {number} */ (model.index.get(r.intent)), r.confidence);
  }
  return { classified: Float64Array.from(classified), searched };
}

/**
 * Loads a stored model or index; its intents (a model), [] (an index) or the problem.
 * @param {'classifier' | 'knowledge'} kind
 * @param {string} key
 * @param {string} json
 * @returns {[string[] | null, string | null]}
 */
function load(kind, key, json) {
  let loaded;
  try {
    loaded = kind === 'classifier' ? tryLoadClassifier(JSON.parse(json)) : tryLoadKnowledgeIndex(JSON.parse(json));
  } catch (error) {
    loaded = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (!loaded.ok) return [null, loaded.message];
  if ('classifier' in loaded) {
    classifiers.set(key, { classifier: loaded.classifier, index: new Map(loaded.classifier.intents.map((intent, i) => [intent, i])) });
    return [loaded.classifier.intents, null];
  }
  indexes.set(key, loaded.index);
  return [[], null];
}

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
port.on('message', (/** @type {[string, ...any[]]} */ message) => {
  const [type] = message;
  if (type === 'batch') {
    const { classified, searched } = answerBatch(message[1]);
    port.postMessage(['answered', classified, searched], [classified.buffer]);
  } else if (type === 'load') {
    const [, kind, key, json] = message;
    port.postMessage(['loaded', kind, key, ...load(kind, key, json)]);
  } else if (type === 'drop') {
    const [, kind, key] = message;
    (kind === 'classifier' ? classifiers : indexes).delete(key);
  }
});
