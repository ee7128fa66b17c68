// @ts-check
// The classifier thread (see classifier-thread.ts): holds intent models loaded from their stored
// JSON and classifies the texts it is sent, a batch per message, answering in order.
// Plain JavaScript that imports the TypeScript model code through tsx, so that any runner (tsx,
// Vitest, node) can start it as a worker.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

/** @type {typeof import('../../../runtime/nlu/load-classifier.ts')} */
const { tryLoadClassifier } = await tsImport('../../../runtime/nlu/load-classifier.ts', import.meta.url);

/** @type {Map<string, { classifier: import('../../../runtime/nlu/linear-intent-classifier.ts').LinearIntentClassifier, index: Map<string, number> }>} */
const models = new Map();

/**
 * One batch's answers, flat: per text its classification seconds, then 1 (out of scope), 0 (in
 * scope) or -1 (no such model: the main thread classifies it), then the ranking's length and, per
 * ranked intent, its index in the model's intents and its confidence.
 * @param {unknown[]} items model key, text, model key, text, …
 */
function classifyBatch(items) {
  /** @type {number[]} */
  const out = [];
  for (let i = 0; i < items.length; i += 2) {
    const model = models.get(/** @type {string} */ (items[i]));
    if (!model) {
      out.push(0, -1, 0);
      continue;
    }
    const t0 = performance.now();
    const { ranking, outOfScope } = model.classifier.classify(/** @type {string} */ (items[i + 1]));
    out.push((performance.now() - t0) / 1000, outOfScope ? 1 : 0, ranking.length);
    for (const r of ranking) out.push(/** @type {number} */ (model.index.get(r.intent)), r.confidence);
  }
  return Float64Array.from(out);
}

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
port.on('message', (/** @type {[string, ...unknown[]]} */ message) => {
  const [type] = message;
  if (type === 'classify') {
    const answers = classifyBatch(/** @type {unknown[]} */ (message[1]));
    port.postMessage(['classified', answers], [answers.buffer]);
  } else if (type === 'load') {
    const [, key, json] = /** @type {[string, string, string]} */ (message);
    let loaded;
    try {
      loaded = tryLoadClassifier(JSON.parse(json));
    } catch (error) {
      loaded = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    if (loaded.ok) models.set(key, { classifier: loaded.classifier, index: new Map(loaded.classifier.intents.map((intent, i) => [intent, i])) });
    port.postMessage(['loaded', key, loaded.ok ? loaded.classifier.intents : null, loaded.ok ? null : loaded.message]);
  } else if (type === 'drop') {
    models.delete(/** @type {string} */ (message[1]));
  }
});
