// compileFlow: parse, validate and prepare a flow for running. Errors come back as values with
// paths; the caller (CLI, server, editor) decides how to show them.
import { formatPath, parseFlow, type Problem } from '../../shared/index.ts';
import type { CompiledFlow, CompiledRule } from '../compiled-flow.ts';
import { compileLogic, type CompiledLogic } from '../logic/index.ts';
import type { IntentClassifier, TrainingIntent } from '../nlu/classifier.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { termOverlapKnowledgeBase } from '../knowledge/term-overlap-knowledge-base.ts';
import { logicSites } from './logic-sites.ts';
import { validateFlow } from './validate-flow.ts';
import { defaultTrainer } from '../nlu/default-trainer.ts';

export interface CompileOptions {
  /** Stored version id (content hash) of the document; null for drafts. Default null. */
  version?: string | null;
  /** A trained model to use instead of training one (e.g. loaded from the version's stored model). */
  classifier?: IntentClassifier;
  /** How to train a model when none is given. Default: the built-in trainer. */
  train?: (intents: TrainingIntent[], locale: string) => IntentClassifier;
  /** Knowledge base for answer nodes. Default: an index over the flow's inline articles. */
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

  const trainable = doc.intents.filter((i) => i.examples.some((e) => e.trim()));
  const classifier =
    options.classifier ??
    (trainable.length > 0 ? (options.train ?? defaultTrainer)(trainable.map((i) => ({ name: i.name, examples: i.examples })), doc.locale) : null);
  const articles = doc.knowledge?.articles ?? [];
  const knowledge = options.knowledge ?? (articles.length > 0 ? termOverlapKnowledgeBase(articles) : null);

  const flow: CompiledFlow = {
    doc,
    version: options.version ?? null,
    startId: doc.nodes.find((n) => n.type === 'start')!.id,
    nodes: new Map(doc.nodes.map((n) => [n.id, n])),
    edges,
    rules,
    nodeLogic,
    classifier,
    knowledge,
    variables: new Map(doc.variables.map((v) => [v.name, v])),
    warnings,
  };
  return { ok: true, flow, warnings };
}
