// Compiled flow versions in memory, one compile per version per process: the document is parsed
// again from the database, intent models are loaded from storage (or trained once and stored),
// and the knowledge base the flow names is loaded. Concurrent callers share one compile.
import type { Kysely } from 'kysely';
import type { CompiledFlow, IntentClassifier, TrainingIntent } from '../../../runtime/index.ts';
import { compileFlow } from '../../../runtime/index.ts';
import { trainClassifier } from '../../../runtime/nlu/index.ts';
import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { parseStoredDocument } from '../../versioning/stored-document.ts';
import type { KnowledgeLoader } from './knowledge-loader.ts';
import { loadStoredModel, storeModel } from './model-store.ts';
import { modelKey, trainingSets } from './training-sets.ts';

/** How a compile went, for logs and the benchmark. */
export interface CompileReport {
  versionId: string;
  /** Models loaded from storage, by locale, with load time. */
  loaded: Array<{ locale: string; ms: number }>;
  /** Models trained now (and stored), by locale, with training time. */
  trained: Array<{ locale: string; ms: number }>;
  totalMs: number;
}

export type CompiledVersion = { ok: true; flow: CompiledFlow; report: CompileReport } | { ok: false; message: string };

export interface FlowCacheOptions {
  db: Kysely<Database>;
  clock: Clock;
  knowledge: KnowledgeLoader;
  /** Versions kept; the least recently used is dropped. Default 32. */
  capacity?: number;
  /** Called after each compile (logging). */
  onCompiled?: (report: CompileReport) => void;
  /** Called with the time of every classification (metrics). Default none. */
  classified?: (locale: string, seconds: number) => void;
}

export class FlowCache {
  private readonly entries = new Map<string, Promise<CompiledVersion>>();

  constructor(private readonly o: FlowCacheOptions) {}

  /** The compiled version, compiling it on first use. Failures are not cached, so a fixed cause heals. */
  get(versionId: string): Promise<CompiledVersion> {
    const hit = this.entries.get(versionId);
    if (hit) {
      this.entries.delete(versionId);
      this.entries.set(versionId, hit);
      return hit;
    }
    const pending = this.compile(versionId).then(
      (result) => {
        if (!result.ok) this.entries.delete(versionId);
        return result;
      },
      (error: unknown) => {
        this.entries.delete(versionId);
        throw error;
      },
    );
    this.entries.set(versionId, pending);
    const capacity = this.o.capacity ?? 32;
    while (this.entries.size > capacity) this.entries.delete(this.entries.keys().next().value!);
    return pending;
  }

  private async compile(versionId: string): Promise<CompiledVersion> {
    const started = performance.now();
    const { db } = this.o;
    const row = await db.selectFrom('versions').select(['id', 'document']).where('id', '=', versionId).executeTakeFirst();
    if (!row) return { ok: false, message: `version ${versionId} does not exist` };
    const doc = parseStoredDocument(row);
    const report: CompileReport = { versionId, loaded: [], trained: [], totalMs: 0 };

    const stored = new Map<string, IntentClassifier>();
    for (const [locale, set] of trainingSets(doc)) {
      const t0 = performance.now();
      const model = await loadStoredModel(db, modelKey(set, locale));
      if (model) {
        stored.set(locale, model);
        report.loaded.push({ locale, ms: performance.now() - t0 });
      }
    }
    let knowledge;
    if (doc.knowledge?.base !== undefined) {
      const loaded = await this.o.knowledge(doc.knowledge.base);
      if (!loaded.ok) return { ok: false, message: loaded.message };
      knowledge = loaded.knowledge;
    }

    const trained: Array<{ key: string; locale: string; model: IntentClassifier; ms: number }> = [];
    const train = (intents: TrainingIntent[], locale: string): IntentClassifier => {
      const t0 = performance.now();
      const model = trainClassifier(intents, { locale });
      trained.push({ key: modelKey(intents, locale), locale, model, ms: performance.now() - t0 });
      return model;
    };
    const main = stored.get(doc.locale);
    const others = Object.fromEntries([...stored].filter(([locale]) => locale !== doc.locale));
    const compiled = compileFlow(doc, {
      version: versionId,
      ...(main ? { classifier: main } : {}),
      classifiers: others,
      train,
      ...(knowledge ? { knowledge } : {}),
    });
    if (!compiled.ok) {
      const first = compiled.problems.find((p) => p.severity === 'error');
      return { ok: false, message: `version ${versionId} does not compile: ${first?.path}: ${first?.message}` };
    }
    for (const t of trained) {
      await storeModel(db, { key: t.key, locale: t.locale, model: t.model, trainingMs: t.ms, now: this.o.clock.now() });
      report.trained.push({ locale: t.locale, ms: t.ms });
    }
    report.totalMs = performance.now() - started;
    this.o.onCompiled?.(report);
    return { ok: true, flow: this.o.classified ? timedClassifiers(compiled.flow, this.o.classified) : compiled.flow, report };
  }
}

/** The flow with each intent model timed (the runtime has no clock of its own to do it). */
function timedClassifiers(flow: CompiledFlow, classified: (locale: string, seconds: number) => void): CompiledFlow {
  const wrapped = new Map<IntentClassifier, IntentClassifier>();
  const timed = (model: IntentClassifier, locale: string): IntentClassifier => {
    let w = wrapped.get(model);
    if (!w) {
      w = {
        classify: (text) => {
          const t0 = performance.now();
          const result = model.classify(text);
          classified(locale, (performance.now() - t0) / 1000);
          return result;
        },
        toJSON: () => model.toJSON(),
      };
      wrapped.set(model, w);
    }
    return w;
  };
  const classifiers = new Map([...flow.classifiers].map(([locale, model]) => [locale, timed(model, locale)]));
  return { ...flow, classifier: flow.classifier ? timed(flow.classifier, flow.doc.locale) : null, classifiers };
}
