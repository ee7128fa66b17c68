// Compiled flow versions in memory, one compile per version per process: the document is parsed
// again from the database, intent models are loaded from storage (or trained once and stored),
// and the knowledge base the flow names is loaded from the stored index of exactly the
// knowledge-base version the flow version was committed with. Concurrent callers share one compile.
// A draft (replay before publish) compiles the same way against the newest knowledge-base version.
import type { Kysely } from 'kysely';
import type { CompiledFlow, IntentClassifier, KnowledgeBase, TrainingIntent } from '../../../runtime/index.ts';
import { compileFlow } from '../../../runtime/index.ts';
import { trainClassifier } from '../../../runtime/nlu/index.ts';
import type { FlowDocument } from '../../../shared/index.ts';
import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { parseStoredDocument } from '../../versioning/stored-document.ts';
import { KnowledgeIndexStore, latestKnowledgeVersionRow } from '../../knowledge/knowledge-versions.ts';
import { loadStoredModel, storeModel } from './model-store.ts';
import { modelKey, trainingSets } from './training-sets.ts';
import type { ModelThread } from './model-thread.ts';

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

/** A compiled flow's intent model as stored: its key (training-set hash and locale) and JSON. */
interface StoredModelText {
  key: string;
  locale: string;
  json: string;
}

/** A compiled version with its stored models by locale, and the knowledge-base version it loaded (if any). */
type CompiledDocument = (Extract<CompiledVersion, { ok: true }> & { models: Map<string, StoredModelText>; knowledgeVersion: string | null }) | Extract<CompiledVersion, { ok: false }>;

export interface FlowCacheOptions {
  db: Kysely<Database>;
  clock: Clock;
  /** Versions kept; the least recently used is dropped. Default 32. */
  capacity?: number;
  /** Called after each compile (logging). */
  onCompiled?: (report: CompileReport) => void;
  /** Called with the time of every classification (metrics). Default none. */
  classified?: (locale: string, seconds: number) => void;
  /** Called with the time of every knowledge search made on the main thread (metrics). Default none. */
  searched?: (seconds: number) => void;
  /** Where compiled versions' intent models and knowledge indexes are loaded to answer off the main thread. Default none. */
  thread?: ModelThread | null;
}

export class FlowCache {
  private readonly entries = new Map<string, Promise<CompiledVersion>>();
  private readonly knowledge: KnowledgeIndexStore;

  constructor(private readonly o: FlowCacheOptions) {
    this.knowledge = new KnowledgeIndexStore(o.db);
  }

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

  /** Compiles a draft document as a version would be (not cached), against the newest knowledge-base version. */
  compileDraft(doc: FlowDocument): Promise<CompiledVersion> {
    return compileDocument({ ...this.o, knowledge: this.knowledge }, doc, { label: 'draft', knowledgeVersionId: null });
  }

  private async compile(versionId: string): Promise<CompiledVersion> {
    const row = await this.o.db.selectFrom('versions').select(['id', 'document', 'knowledge_version_id']).where('id', '=', versionId).executeTakeFirst();
    if (!row) return { ok: false, message: `version ${versionId} does not exist` };
    const compiled = await compileDocument({ ...this.o, knowledge: this.knowledge }, parseStoredDocument(row), { label: versionId, knowledgeVersionId: row.knowledge_version_id });
    if (!compiled.ok) return compiled;
    this.o.onCompiled?.(compiled.report);
    const { classified, searched } = this.o;
    const withModelsTimed = classified ? timedClassifiers(compiled.flow, classified) : compiled.flow;
    const flow = searched ? timedKnowledge(withModelsTimed, searched) : withModelsTimed;
    const thread = this.o.thread;
    if (thread) {
      for (const [locale, model] of flow.classifiers) {
        const stored = compiled.models.get(locale);
        if (stored) thread.registerClassifier(model, stored);
      }
      const pinned = compiled.knowledgeVersion;
      if (flow.knowledge && pinned) thread.registerKnowledge(flow.knowledge, { key: pinned, json: () => this.knowledge.storedIndex(pinned) });
    }
    return { ok: true, flow, report: compiled.report };
  }
}

/**
 * Compiles a parsed flow document as the site runtime does: stored intent models are loaded (or
 * trained and stored), and the knowledge base it names is loaded from the stored index of
 * `knowledgeVersionId`, or of its newest version when there is no pin (drafts, and versions
 * committed before knowledge bases were stored, migration 0007). `label` names the document in
 * messages and the report (a version id, or `draft`).
 */
async function compileDocument(
  o: { db: Kysely<Database>; clock: Clock; knowledge: KnowledgeIndexStore },
  doc: FlowDocument,
  at: { label: string; knowledgeVersionId: string | null },
): Promise<CompiledDocument> {
  const started = performance.now();
  const { db } = o;
  const { label } = at;
  const named = label === 'draft' ? 'the draft' : `version ${label}`;
  const report: CompileReport = { versionId: label, loaded: [], trained: [], totalMs: 0 };

  const stored = new Map<string, IntentClassifier>();
  const models = new Map<string, StoredModelText>();
  for (const [locale, set] of trainingSets(doc)) {
    const t0 = performance.now();
    const key = modelKey(set, locale);
    const found = await loadStoredModel(db, key);
    if (found) {
      stored.set(locale, found.model);
      models.set(locale, { key, locale, json: found.json });
      report.loaded.push({ locale, ms: performance.now() - t0 });
    }
  }
  let knowledge;
  let knowledgeVersion: string | null = null;
  if (doc.knowledge?.base !== undefined) {
    const pinned = at.knowledgeVersionId ?? (await latestKnowledgeVersionRow(db, doc.knowledge.base))?.id;
    if (pinned === undefined) return { ok: false, message: `${named} names knowledge base "${doc.knowledge.base}", which has no stored version` };
    const loaded = await o.knowledge.get(pinned);
    if (!loaded.ok) return { ok: false, message: loaded.message };
    if (loaded.kbId !== doc.knowledge.base) return { ok: false, message: `${named} names knowledge base "${doc.knowledge.base}" but is pinned to a version of "${loaded.kbId}"` };
    knowledge = loaded.index;
    knowledgeVersion = pinned;
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
    version: label,
    ...(main ? { classifier: main } : {}),
    classifiers: others,
    train,
    ...(knowledge ? { knowledge } : {}),
  });
  if (!compiled.ok) {
    const first = compiled.problems.find((p) => p.severity === 'error');
    return { ok: false, message: `${named} does not compile: ${first?.path}: ${first?.message}` };
  }
  for (const t of trained) {
    const json = JSON.stringify(t.model.toJSON());
    await storeModel(db, { key: t.key, locale: t.locale, json, trainingMs: t.ms, now: o.clock.now() });
    models.set(t.locale, { key: t.key, locale: t.locale, json });
    report.trained.push({ locale: t.locale, ms: t.ms });
  }
  report.totalMs = performance.now() - started;
  return { ok: true, flow: compiled.flow, report, models, knowledgeVersion };
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

/** The flow with its knowledge base's searches timed. */
function timedKnowledge(flow: CompiledFlow, searched: (seconds: number) => void): CompiledFlow {
  const knowledge = flow.knowledge;
  if (!knowledge) return flow;
  const timed: KnowledgeBase = {
    id: knowledge.id,
    version: knowledge.version,
    search: (query, options) => {
      const t0 = performance.now();
      const hits = knowledge.search(query, options);
      searched((performance.now() - t0) / 1000);
      return hits;
    },
  };
  return { ...flow, knowledge: timed };
}
