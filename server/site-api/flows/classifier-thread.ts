// Intent classification on a thread of its own. Classifying a message with the banking model
// (77 intents, 10k examples) is a sparse dot product over a 2 MB weight table: ~0.06 ms of CPU
// when it runs alone, but on the main thread, between requests, its cache misses slow the rest of
// the turn too. Without it the main thread spent 0.26-0.34 ms per turn instead of 0.38-0.40 in
// bench/site.ts's load (docs/benchmarks.md, session 9). Here models are loaded from their stored
// JSON into a worker, and the texts that become ready in one turn of the event loop go there as one
// batch while the main thread handles the other requests.
//
// The thread only ever speeds things up: its models are the stored ones, so its rankings equal the
// main thread's, and whenever it cannot answer (a model still loading or not loadable there, too
// many texts waiting, the thread gone) the caller gets null and classifies on the main thread.
import { Worker } from 'node:worker_threads';
import type { Classification, IntentClassifier } from '../../../runtime/index.ts';
import type { RankedIntent } from '../../../shared/index.ts';
import { endOfLoopTurn } from '../../db/end-of-loop-turn.ts';

interface Model {
  key: string;
  locale: string;
  /** The model's intents once the thread has loaded it; null while it loads, or if it could not. */
  intents: string[] | null;
}

interface Request {
  model: Model;
  text: string;
  resolve(answer: Classification | null): void;
}

export interface ClassifierThreadOptions {
  /** Models kept on the thread; the least recently registered is dropped. Default 32 (the flow cache's default). */
  capacity?: number;
  /** Texts waiting for the thread beyond which callers classify themselves. Default 1024. */
  maxWaiting?: number;
  /** Called with each classification's time on the thread (metrics). */
  classified?: (locale: string, seconds: number) => void;
  /** Called once when the thread fails; classification stays on the main thread from then on. */
  failed?: (error: unknown) => void;
}

export class ClassifierThread {
  private worker: Worker | null = null;
  private broken = false;
  /** Registered models by key, least recently registered first. */
  private readonly models = new Map<string, Model>();
  private readonly byClassifier = new WeakMap<IntentClassifier, Model>();
  private queue: Request[] = [];
  /** Batches sent and not yet answered, oldest first (the thread answers in order). */
  private readonly inFlight: Request[][] = [];
  private waiting = 0;
  private readonly schedule = endOfLoopTurn(() => this.send());

  constructor(private readonly o: ClassifierThreadOptions = {}) {}

  /**
   * Loads `classifier`'s model on the thread from `json`, its stored form (`toJSON()`), keyed by
   * `key` (models with the same training set share one). Until the thread has loaded it,
   * `classify` answers null.
   */
  register(classifier: IntentClassifier, o: { key: string; locale: string; json: string }): void {
    if (this.broken) return;
    let model = this.models.get(o.key);
    if (model) {
      this.models.delete(o.key);
    } else {
      model = { key: o.key, locale: o.locale, intents: null };
      this.thread().postMessage(['load', o.key, o.json]);
    }
    this.models.set(o.key, model);
    this.byClassifier.set(classifier, model);
    const capacity = this.o.capacity ?? 32;
    for (const [key, old] of this.models) {
      if (this.models.size <= capacity) break;
      this.models.delete(key);
      old.intents = null;
      this.worker?.postMessage(['drop', key]);
    }
  }

  /** The thread's classification of `text` with `classifier`'s model, or null when the caller should classify it itself. */
  classify(classifier: IntentClassifier, text: string): Promise<Classification | null> | null {
    const model = this.byClassifier.get(classifier);
    if (!model?.intents || this.broken || this.waiting >= (this.o.maxWaiting ?? 1024)) return null;
    this.waiting++;
    return new Promise((resolve) => {
      this.queue.push({ model, text, resolve });
      this.schedule();
    });
  }

  /** Stops the thread; texts still waiting are answered null. */
  async close(): Promise<void> {
    this.broken = true;
    this.abandon();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private send(): void {
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    if (this.broken) {
      for (const r of batch) this.answer(r, null);
      return;
    }
    this.inFlight.push(batch);
    this.thread().postMessage(['classify', batch.flatMap((r) => [r.model.key, r.text])]);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./classifier-thread.worker.mjs', import.meta.url));
    worker.on('message', (message: ['loaded', string, string[] | null, string | null] | ['classified', Float64Array]) => {
      if (message[0] === 'loaded') this.loaded(message[1], message[2], message[3]);
      else this.classified(message[1]);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the classifier thread exited (${code})`)));
    // Idle, the thread must not keep the process alive (the main thread's work does).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private loaded(key: string, intents: string[] | null, problem: string | null): void {
    const model = this.models.get(key);
    if (model) model.intents = intents;
    if (problem !== null) this.o.failed?.(new Error(`the classifier thread could not load model ${key}: ${problem}`));
  }

  private classified(answers: Float64Array): void {
    const batch = this.inFlight.shift() ?? [];
    let at = 0;
    for (const request of batch) {
      const seconds = answers[at++]!;
      const scope = answers[at++]!;
      const length = answers[at++]!;
      const intents = request.model.intents;
      if (scope < 0 || !intents) {
        at += 2 * length;
        this.answer(request, null);
        continue;
      }
      const ranking: RankedIntent[] = new Array(length);
      for (let r = 0; r < length; r++, at += 2) ranking[r] = { intent: intents[answers[at]!]!, confidence: answers[at + 1]! };
      this.o.classified?.(request.model.locale, seconds);
      this.answer(request, { ranking, outOfScope: scope === 1 });
    }
  }

  private answer(request: Request, answer: Classification | null): void {
    this.waiting--;
    request.resolve(answer);
  }

  private fail(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.worker = null;
    this.o.failed?.(error);
    this.abandon();
  }

  /** Answers every text still waiting with null (its caller classifies it). */
  private abandon(): void {
    for (const batch of this.inFlight.splice(0)) for (const r of batch) this.answer(r, null);
    for (const r of this.queue.splice(0)) this.answer(r, null);
  }
}
