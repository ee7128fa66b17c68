// compileFlow: parse, validate and prepare a flow for running. Errors come back as values with
// paths; the caller (CLI, server, editor) decides how to show them.
import { formatPath, parseFlow, type Problem } from '../../shared/index.ts';
import type { CompiledFlow, CompiledRule } from '../compiled-flow.ts';
import { compileLogic, type CompiledLogic } from '../logic/index.ts';
import type { IntentClassifier, TrainingIntent } from '../nlu/classifier.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { buildKnowledgeIndex } from '../knowledge/knowledge-index.ts';
import { logicSites } from './logic-sites.ts';
import { validateFlow } from './validate-flow.ts';
import { defaultTrainer } from '../nlu/default-trainer.ts';

export interface CompileOptions {
  /** Stored version id (content hash) of the document; null for drafts. Default null. */
  version?: string | null;
  /** A trained model for the main locale instead of training one (e.g. loaded from the version's stored model). */
  classifier?: IntentClassifier;
  /** Trained models of other locales, keyed by locale tag; missing ones are trained. */
  classifiers?: Record<string, IntentClassifier>;
  /** How to train a model when none is given. Default: the built-in trainer. */
  train?: (intents: TrainingIntent[], locale: string) => IntentClassifier;
  /**
   * Knowledge base for answer nodes. Required when the flow names one (`knowledge.base`): the host
   * loads it — the server the stored index of the knowledge-base version the flow version was
   * tested with (`loadKnowledgeIndex`), the CLI `flows/knowledge/<id>.json` — and its id must match.
   * Default: an index built now over the flow's inline articles (none without them).
   */
  knowledge?: KnowledgeBase;
}

export type CompileResult =
  | { ok: true; flow: CompiledFlow; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

export function compileFlow(input: unknown, options: CompileOptions = {}): CompileResult {
  const parsed = parseFlow(input);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const doc = parsed.doc;
  const problems = validateFlow(doc);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems };
  const warnings = problems.filter((p) => p.severity === 'warning');

  const edges = new Map(doc.nodes.map((n) => [n.id, new Map<string, string>()]));
  for (const e of doc.edges) edges.get(e.source)!.set(e.sourceHandle, e.target);

  const rules: CompiledRule[] = [];
  const nodeLogic = new Map<string, Map<string, CompiledLogic>>();
  for (const site of logicSites(doc)) {
    const test = compileLogic(site.logic);
    if (site.ruleId !== undefined) {
      rules.push({ rule: doc.escalation.rules.find((r) => r.id === site.ruleId)!, test });
    } else if (site.nodeId !== undefined) {
      const key = formatPath(site.path.slice(3)).replace(/\[(\d+)\]/g, '.$1');
      if (!nodeLogic.has(site.nodeId)) nodeLogic.set(site.nodeId, new Map());
      nodeLogic.get(site.nodeId)!.set(key, test);
    }
  }

  const train = options.train ?? defaultTrainer;
  const trainingSet = (examplesOf: (i: (typeof doc.intents)[number]) => readonly string[]): TrainingIntent[] =>
    doc.intents.map((i) => ({ name: i.name, examples: examplesOf(i).filter((e) => e.trim()) })).filter((i) => i.examples.length > 0);
  const main = trainingSet((i) => i.examples);
  const classifier = options.classifier ?? (main.length > 0 ? train(main, doc.locale) : null);
  const classifiers = new Map<string, IntentClassifier>(classifier ? [[doc.locale, classifier]] : []);
  for (const locale of new Set(doc.intents.flatMap((i) => Object.keys(i.localeExamples ?? {})))) {
    if (locale === doc.locale) continue;
    const given = options.classifiers?.[locale];
    const set = given ? [] : trainingSet((i) => i.localeExamples?.[locale] ?? []);
    const model = given ?? (set.length > 0 ? train(set, locale) : null);
    if (model) classifiers.set(locale, model);
  }
  const base = doc.knowledge?.base;
  if (base !== undefined && !options.knowledge) {
    const message = `The flow uses the knowledge base "${base}", which was not loaded; load it and pass it to compileFlow (options.knowledge).`;
    return { ok: false, problems: [...problems, { code: 'knowledge_base_not_loaded', severity: 'error', path: 'knowledge.base', message }] };
  }
  if (base !== undefined && options.knowledge?.id !== base) {
    const message = `The flow uses the knowledge base "${base}" but was given "${options.knowledge?.id ?? '(inline articles)'}".`;
    return { ok: false, problems: [...problems, { code: 'knowledge_base_mismatch', severity: 'error', path: 'knowledge.base', message }] };
  }
  const articles = doc.knowledge?.articles ?? [];
  const knowledge = options.knowledge ?? (articles.length > 0 ? buildKnowledgeIndex({ id: null, locale: doc.locale, articles }) : null);

  const flow: CompiledFlow = {
    doc,
    version: options.version ?? null,
    startId: doc.nodes.find((n) => n.type === 'start')!.id,
    nodes: new Map(doc.nodes.map((n) => [n.id, n])),
    edges,
    rules,
    nodeLogic,
    classifier,
    classifiers,
    knowledge,
    variables: new Map(doc.variables.map((v) => [v.name, v])),
    warnings,
  };
  return { ok: true, flow, warnings };
}
