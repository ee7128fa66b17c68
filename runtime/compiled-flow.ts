// A flow prepared for running: indexes, compiled rules and the intent model, built once per version.
import type { EscalationRule, FlowDocument, Problem, TypedNode, VariableDefinition } from '../shared/index.ts';
import type { CompiledLogic } from './logic/index.ts';
import type { IntentClassifier } from './nlu/classifier.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';

export interface CompiledRule {
  rule: EscalationRule;
  test: CompiledLogic;
}

export interface CompiledFlow {
  doc: FlowDocument;
  /** The version id the host stored this flow under (content hash), or null for a draft. */
  version: string | null;
  startId: string;
  nodes: ReadonlyMap<string, TypedNode>;
  /** nodeId → port → target nodeId. */
  edges: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Escalation rules in document order. */
  rules: readonly CompiledRule[];
  /** nodeId → field key (`when`, `cases.0.when`, `assignments.1.value`, `input.order`) → compiled logic. */
  nodeLogic: ReadonlyMap<string, ReadonlyMap<string, CompiledLogic>>;
  /** The model of the flow's main locale. */
  classifier: IntentClassifier | null;
  /** One model per locale (the main one included). */
  classifiers: ReadonlyMap<string, IntentClassifier>;
  knowledge: KnowledgeBase | null;
  variables: ReadonlyMap<string, VariableDefinition>;
  /** Warnings found while compiling (unreachable nodes…); errors prevent compilation. */
  warnings: readonly Problem[];
}

/** The compiled logic of one field of a node; compileFlow guarantees it exists for every logic site. */
export function nodeLogic(flow: CompiledFlow, nodeId: string, key: string): CompiledLogic {
  const fn = flow.nodeLogic.get(nodeId)?.get(key);
  if (!fn) throw new Error(`No compiled logic for ${nodeId}.${key}`);
  return fn;
}

/** The label the bot uses when it names an intent ("card arrival"). */
export function intentLabel(flow: CompiledFlow, name: string): string {
  return flow.doc.intents.find((i) => i.name === name)?.label ?? name.replace(/_/g, ' ');
}

/** The model for a conversation's locale: exact tag, then its language (`de-CH` → `de`), then the main model. */
export function classifierFor(flow: CompiledFlow, locale: string): IntentClassifier | null {
  return flow.classifiers.get(locale) ?? flow.classifiers.get(locale.split('-')[0]!) ?? flow.classifier;
}
