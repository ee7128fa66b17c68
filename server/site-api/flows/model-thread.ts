// A thread of its own for the flows' models: intent classification and knowledge search. Both
// read large tables for every message: the banking intent model is a sparse dot product over 2 MB
// of weights (~0.06 ms when it runs alone, but on the main thread, between requests, its cache
// misses slow the rest of the turn too; without it the main thread spent 0.26-0.34 ms per turn
// instead of 0.38-0.40 in bench/site.ts's load, docs/benchmarks.md, session 9), and a search of
// a knowledge index (63 KB to 12.5 MB stored) moved off it saved 30-40% of the main thread's time
// per knowledge turn (session 10). Here models and indexes are loaded from their stored JSON
// into a worker, and the questions that become ready in one turn of the event loop go there as one
// batch while the main thread handles the other requests.
//
// The thread only ever speeds things up: what it loads is what the main thread loaded, so its
// answers equal the main thread's, and whenever it cannot answer (a model or index still loading
// or not loadable there, the thread busy loading another, too many questions waiting, the thread
// gone) the caller gets null and asks the main thread's copy.
import { Worker } from 'node:worker_threads';
import type { Classification, IntentClassifier, KnowledgeBase, KnowledgeHit } from '../../../runtime/index.ts';
import type { RankedIntent } from '../../../shared/index.ts';
import { endOfLoopTurn } from '../../db/end-of-loop-turn.ts';

type Kind = 'classifier' | 'knowledge';

interface Loaded {
  kind: Kind;
  key: string;
  /** `classifier`: its locale (for metrics). */
  locale: string;
  /** Whether the thread has it loaded: false while it loads, if it could not, or once dropped. */
  ready: boolean;
  /** `classifier`: its intents, by the index the thread answers with. */
  intents: string[];
}

type Request =
  | { kind: 'classify'; on: Loaded; text: string; resolve(answer: Classification | null): void }
  | { kind: 'search'; on: Loaded; text: string; limit: number; locale: string; resolve(answer: KnowledgeHit[] | null): void };

/** The thread's answers to one batch: classifications flat in a Float64Array (see the worker), searches in order. */
type Answered = ['answered', Float64Array, Array<{ seconds: number; hits: KnowledgeHit[] | null }>];
type Message = ['loaded', Kind, string, string[] | null, string | null] | Answered;

export interface ModelThreadOptions {
  /** Intent models kept on the thread; the least recently registered is dropped. Default 32 (the flow cache's default). */
  capacity?: number;
  /** Knowledge indexes kept on the thread. Default 8 (the knowledge index store's default). */
  knowledgeCapacity?: number;
  /** Questions waiting for the thread beyond which callers answer them themselves. Default 1024. */
  maxWaiting?: number;
  /** Called with each classification's time on the thread (metrics). */
  classified?: (locale: string, seconds: number) => void;
  /** Called with each knowledge search's time on the thread (metrics). */
  searched?: (seconds: number) => void;
  /** Called once when the thread fails; models are used on the main thread from then on. */
  failed?: (error: unknown) => void;
  /** Called when a model or index cannot be loaded on the thread (the main thread keeps using its own). */
  unloadable?: (error: Error) => void;
}

export class ModelThread {
  private worker: Worker | null = null;
  private broken = false;
  /** Registered models and indexes by kind and key, least recently registered first. */
  private readonly registered = { classifier: new Map<string, Loaded>(), knowledge: new Map<string, Loaded>() };
  private readonly byObject = new WeakMap<IntentClassifier | KnowledgeBase, Loaded>();
  private queue: Request[] = [];
  /** Batches sent and not yet answered, oldest first (the thread answers in order). */
  private readonly inFlight: Request[][] = [];
  private waiting = 0;
  /** Loads sent to the thread and not yet answered: while it parses one (up to ~1 s for a large index), the main thread answers. */
  private loading = 0;
  private readonly schedule = endOfLoopTurn(() => this.send());

  constructor(private readonly o: ModelThreadOptions = {}) {}

  /**
   * Loads `classifier`'s model on the thread from `json`, its stored form (`toJSON()`), keyed by
   * `key` (models with the same training set share one). Until the thread has loaded it,
   * `classify` answers null.
   */
  registerClassifier(classifier: IntentClassifier, o: { key: string; locale: string; json: string }): void {
    this.register('classifier', classifier, o.key, o.locale, o.json);
  }

  /**
   * Loads `knowledge`'s index on the thread from its stored JSON, keyed by `key` (the knowledge-base
   * version: flow versions pinned to it share one). `json` is read only when the thread does not
   * hold that key yet (an index is large, and kept nowhere else as text). Until the thread has
   * loaded it, `search` answers null.
   */
  registerKnowledge(knowledge: KnowledgeBase, o: { key: string; json: () => Promise<string | null> }): void {
    this.register('knowledge', knowledge, o.key, '', o.json);
  }

  /** The thread's classification of `text` with `classifier`'s model, or null when the caller should classify it itself. */
  classify(classifier: IntentClassifier, text: string): Promise<Classification | null> | null {
    const on = this.answering(classifier);
    if (!on) return null;
    return new Promise((resolve) => this.ask({ kind: 'classify', on, text, resolve }));
  }

  /** The thread's search of `knowledge` (as `KnowledgeBase.search`), or null when the caller should search itself. */
  search(knowledge: KnowledgeBase, text: string, o: { limit: number; locale: string }): Promise<KnowledgeHit[] | null> | null {
    const on = this.answering(knowledge);
    if (!on) return null;
    return new Promise((resolve) => this.ask({ kind: 'search', on, text, limit: o.limit, locale: o.locale, resolve }));
  }

  /** Stops the thread; questions still waiting are answered null. */
  async close(): Promise<void> {
    this.broken = true;
    this.abandon();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private register(kind: Kind, object: IntentClassifier | KnowledgeBase, key: string, locale: string, json: string | (() => Promise<string | null>)): void {
    if (this.broken) return;
    const registry = this.registered[kind];
    let loaded = registry.get(key);
    if (loaded) {
      registry.delete(key);
    } else {
      loaded = { kind, key, locale, ready: false, intents: [] };
      if (typeof json === 'string') this.load(kind, key, json);
      else this.loadLater(loaded, json);
    }
    registry.set(key, loaded);
    this.byObject.set(object, loaded);
    const capacity = kind === 'classifier' ? (this.o.capacity ?? 32) : (this.o.knowledgeCapacity ?? 8);
    for (const [oldKey, old] of registry) {
      if (registry.size <= capacity) break;
      registry.delete(oldKey);
      old.ready = false;
      this.worker?.postMessage(['drop', kind, oldKey]);
    }
  }

  /** Sends `loaded`'s stored JSON to the thread once `json` has read it, unless it was dropped meanwhile. */
  private loadLater(loaded: Loaded, json: () => Promise<string | null>): void {
    const { kind, key } = loaded;
    json().then(
      (text) => {
        if (text !== null && this.registered[kind].get(key) === loaded && !this.broken) this.load(kind, key, text);
      },
      (error: unknown) => this.o.unloadable?.(new Error(`the model thread could not read ${kind} ${key}: ${error instanceof Error ? error.message : String(error)}`)),
    );
  }

  private load(kind: Kind, key: string, json: string): void {
    this.loading++;
    this.thread().postMessage(['load', kind, key, json]);
  }

  /**
   * What answers for `object` on the thread, or null: not loaded there, the thread gone or busy
   * loading (a question asked now would wait behind the load), or too many questions waiting.
   */
  private answering(object: IntentClassifier | KnowledgeBase): Loaded | null {
    const on = this.byObject.get(object);
    return on?.ready && !this.broken && this.loading === 0 && this.waiting < (this.o.maxWaiting ?? 1024) ? on : null;
  }

  private ask(request: Request): void {
    this.waiting++;
    this.queue.push(request);
    this.schedule();
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
    // Per question: kind, key, text, and for a search its limit and locale (flat, one array to copy).
    const items: Array<string | number> = [];
    for (const r of batch) {
      if (r.kind === 'classify') items.push(0, r.on.key, r.text, 0, '');
      else items.push(1, r.on.key, r.text, r.limit, r.locale);
    }
    this.thread().postMessage(['batch', items]);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./model-thread.worker.mjs', import.meta.url));
    worker.on('message', (message: Message) => {
      if (message[0] === 'loaded') this.loaded(message[1], message[2], message[3], message[4]);
      else this.answered(message[1], message[2]);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the model thread exited (${code})`)));
    // Idle, the thread must not keep the process alive (the main thread's work does).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private loaded(kind: Kind, key: string, intents: string[] | null, problem: string | null): void {
    this.loading--;
    const loaded = this.registered[kind].get(key);
    if (loaded && problem === null) {
      loaded.ready = true;
      loaded.intents = intents ?? [];
    }
    if (problem !== null) this.o.unloadable?.(new Error(`the model thread could not load ${kind} ${key}: ${problem}`));
  }

  private answered(classifications: Float64Array, searches: Answered[2]): void {
    const batch = this.inFlight.shift() ?? [];
    let at = 0;
    let s = 0;
    for (const request of batch) {
      if (request.kind === 'search') {
        const { seconds, hits } = searches[s++]!;
        if (hits && request.on.ready) this.o.searched?.(seconds);
        this.answer(request, request.on.ready ? hits : null);
        continue;
      }
      const seconds = classifications[at++]!;
      const scope = classifications[at++]!;
      const length = classifications[at++]!;
      if (scope < 0 || !request.on.ready) {
        at += 2 * length;
        this.answer(request, null);
        continue;
      }
      const intents = request.on.intents;
      const ranking: RankedIntent[] = new Array(length);
      for (let r = 0; r < length; r++, at += 2) ranking[r] = { intent: intents[classifications[at]!]!, confidence: classifications[at + 1]! };
      this.o.classified?.(request.on.locale, seconds);
      this.answer(request, { ranking, outOfScope: scope === 1 });
    }
  }

  private answer(request: Request, answer: Classification | KnowledgeHit[] | null): void {
    this.waiting--;
    (request.resolve as (answer: Classification | KnowledgeHit[] | null) => void)(answer);
  }

  private fail(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.worker = null;
    this.o.failed?.(error);
    this.abandon();
  }

  /** Answers every question still waiting with null (its caller answers it itself). */
  private abandon(): void {
    for (const batch of this.inFlight.splice(0)) for (const r of batch) this.answer(r, null);
    for (const r of this.queue.splice(0)) this.answer(r, null);
  }
}
