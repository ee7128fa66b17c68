// The flow document, schema version 1: one JSON file a designer edits and a version freezes.
// Node data is kept as `unknown` here and parsed per node type by parseFlow, so a problem in
// one node is reported at its own path instead of as one giant union failure.
import { z } from 'zod';
import { jsonSchema } from './json.ts';
import { elementId, identifier } from './identifier.ts';
import { priorities } from './priority.ts';
import { knowledgeArticle, knowledgeBaseId } from './knowledge.ts';
import type { TypedNode } from './nodes/index.ts';

export const FLOW_SCHEMA_VERSION = 1;

export const flowSettings = z.strictObject({
  /** Below this top-intent confidence the bot clarifies, then escalates. Default 0.55. */
  confidenceThreshold: z.number().min(0).max(1).default(0.55),
  /** When top1 − top2 is below this the bot asks which one was meant. Default 0.10. */
  ambiguityMargin: z.number().min(0).max(1).default(0.1),
  /** Clarifying questions before escalating with reason `low_confidence`. Default 2. */
  maxClarifications: z.number().int().min(0).max(10).default(2),
  /** Queue for escalations no rule or node names (low confidence, "talk to a human"). Default `general`. */
  defaultQueue: identifier.default('general'),
  /** Node executions allowed per turn before the turn is stopped and handed over. Default 100. */
  stepBudget: z.number().int().min(10).max(10_000).default(100),
});
export type FlowSettings = z.output<typeof flowSettings>;

export const variableTypes = ['string', 'number', 'boolean', 'date', 'json'] as const;

export const variableDefinition = z.strictObject({
  name: identifier,
  type: z.enum(variableTypes).default('string'),
  /** PII is redacted from handoff packages unless the site allows it. */
  pii: z.boolean().default(false),
  default: jsonSchema.optional(),
  description: z.string().max(1000).optional(),
});
export type VariableDefinition = z.output<typeof variableDefinition>;

/** A locale tag keying an intent's other-language examples (`de`, `pt-BR`). */
export const localeTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a locale tag such as de or pt-BR.');

export const intentDefinition = z.strictObject({
  name: identifier,
  /** How the bot names the intent when it asks "Did you mean …?". Default: the name with spaces. */
  label: z.string().max(200).optional(),
  examples: z.array(z.string().max(2000)).default([]),
  /**
   * Examples in the flow's other locales, keyed by locale tag (`de`, `fr-CA`). Each locale gets a
   * model of its own; a conversation in a locale without one uses the flow's main model.
   */
  localeExamples: z.record(localeTag, z.array(z.string().max(2000))).optional(),
  description: z.string().max(1000).optional(),
});
export type IntentDefinition = z.output<typeof intentDefinition>;

export const escalationRule = z.strictObject({
  id: elementId,
  name: z.string().min(1).max(200),
  when: jsonSchema,
  priority: z.enum(priorities),
  queue: identifier,
  reason: identifier,
  tags: z.array(z.string().min(1).max(64)).default([]),
  description: z.string().max(2000).optional(),
});
export type EscalationRule = z.output<typeof escalationRule>;

/**
 * An article written into the flow itself (before knowledge bases existed; still supported). Same
 * shape as a knowledge-base article, with the looser element ids flows always allowed.
 */
export const inlineKnowledgeArticle = knowledgeArticle.extend({ id: elementId });

/**
 * Where the flow's `answer` nodes look things up: a knowledge base by id (the host loads it — the
 * CLI from `flows/knowledge/<id>.json`, the server the version the flow version was tested with)
 * or articles written inline. Use one or the other.
 */
export const flowKnowledge = z.strictObject({
  /** Id of a knowledge base (shared/knowledge.ts). */
  base: knowledgeBaseId.optional(),
  /** Inline articles, indexed when the flow is compiled. Default none. */
  articles: z.array(inlineKnowledgeArticle).default([]),
});
export type FlowKnowledge = z.output<typeof flowKnowledge>;

export const position = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

export const rawNode = z.strictObject({
  id: elementId,
  type: z.string(),
  position: position.default({ x: 0, y: 0 }),
  data: z.unknown().default({}),
});

export const flowEdge = z.strictObject({
  id: elementId,
  source: z.string(),
  sourceHandle: z.string().default('next'),
  target: z.string(),
});
export type FlowEdge = z.output<typeof flowEdge>;

export const flowDocumentEnvelope = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lowercase letters, digits and dashes (e.g. banking-support).').max(64),
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  locale: z.string().min(2).max(35).default('en'),
  settings: flowSettings.default(() => flowSettings.parse({})),
  variables: z.array(variableDefinition).default([]),
  intents: z.array(intentDefinition).default([]),
  escalation: z.strictObject({ rules: z.array(escalationRule).default([]) }).default({ rules: [] }),
  knowledge: flowKnowledge.optional(),
  nodes: z.array(rawNode),
  edges: z.array(flowEdge).default([]),
});

/** A flow document whose nodes' data has been parsed by their type's schema. */
export type FlowDocument = Omit<z.output<typeof flowDocumentEnvelope>, 'nodes'> & { nodes: TypedNode[] };
/** What a designer writes (defaults may be omitted). */
export type FlowDocumentInput = z.input<typeof flowDocumentEnvelope>;
