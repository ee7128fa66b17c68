// The structural diff between two flow documents, as data the editor renders: each section keyed
// by element id, field by field, with layout (node positions) reported apart from logic.
import { z } from 'zod';
import { jsonSchema } from '../json.ts';
import { sha256Hex } from './common.ts';

export const changeKinds = ['added', 'removed', 'changed'] as const;
export const changeKind = z.enum(changeKinds);

/** One field that differs. `path` is relative to the element (`data.text`, `when`, `confidenceThreshold`). */
export const fieldChangeSchema = z.object({
  path: z.string(),
  /** Absent when the field was added. */
  before: jsonSchema.optional(),
  /** Absent when the field was removed. */
  after: jsonSchema.optional(),
});
export type FieldChange = z.output<typeof fieldChangeSchema>;

const elementChangeBase = z.object({
  change: changeKind,
  /** Changed fields (empty for added/removed elements, which carry `before`/`after` whole). */
  fields: z.array(fieldChangeSchema),
  before: jsonSchema.optional(),
  after: jsonSchema.optional(),
});

export const nodeChangeSchema = elementChangeBase.extend({
  id: z.string(),
  type: z.string(),
  /** The node is (or was) a handoff node: changes to it need review. */
  handoff: z.boolean(),
});
export const edgeChangeSchema = elementChangeBase.extend({
  id: z.string(),
  /** The edge leads (or led) into a handoff node: changes to it need review. */
  toHandoff: z.boolean(),
});
export const ruleChangeSchema = elementChangeBase.extend({
  id: z.string(),
  name: z.string(),
  /** Set when the rule's position in the list changed (order breaks ties between rules). */
  moved: z.object({ from: z.number(), to: z.number() }).optional(),
});
export const intentChangeSchema = elementChangeBase.extend({
  name: z.string(),
  examplesAdded: z.array(z.string()),
  examplesRemoved: z.array(z.string()),
});
export const namedChangeSchema = elementChangeBase.extend({ key: z.string() });
export const layoutChangeSchema = z.object({
  nodeId: z.string(),
  before: z.object({ x: z.number(), y: z.number() }),
  after: z.object({ x: z.number(), y: z.number() }),
});

export const reviewReasonSchema = z.object({
  section: z.enum(['settings', 'escalation', 'handoff']),
  /** Path in the document (`settings.confidenceThreshold`, `escalation.rules[id=big-transfer]`, `nodes[id=h1]`). */
  path: z.string(),
  message: z.string(),
});
export type ReviewReason = z.output<typeof reviewReasonSchema>;

export const diffSideSchema = z.object({
  /** Version id, or `draft` for a flow's draft. */
  ref: z.string(),
  number: z.number().nullable(),
  contentHash: sha256Hex,
});

/** One side of a knowledge-base change: the base a flow names and the version it was (or would be) committed with. */
export const knowledgeSideSchema = z.object({
  kbId: z.string(),
  /** Null for a draft that names a knowledge base with no committed version. */
  versionId: z.string().nullable(),
  number: z.number().nullable(),
});
export type KnowledgeSide = z.output<typeof knowledgeSideSchema>;

export const flowDiffSchema = z.object({
  from: diffSideSchema,
  to: diffSideSchema,
  /** True when nothing but layout differs (equal content hashes). */
  sameContent: z.boolean(),
  /** Escalation rules, settings or handoff nodes (or the edges into them) differ. */
  needsReview: z.boolean(),
  reviewReasons: z.array(reviewReasonSchema),
  /** Top-level fields: id, name, description, locale. */
  document: z.array(fieldChangeSchema),
  settings: z.array(fieldChangeSchema),
  variables: z.array(namedChangeSchema),
  intents: z.array(intentChangeSchema),
  escalationRules: z.array(ruleChangeSchema),
  knowledgeArticles: z.array(namedChangeSchema),
  /** Set when the knowledge base or its version differs (e.g. banking-help-centre v1 → v2); null when the same. */
  knowledgeBase: z.object({ before: knowledgeSideSchema.nullable(), after: knowledgeSideSchema.nullable() }).nullable(),
  nodes: z.array(nodeChangeSchema),
  edges: z.array(edgeChangeSchema),
  /** Moved nodes; never part of `needsReview` or the content hash. */
  layout: z.array(layoutChangeSchema),
});
export type FlowDiff = z.output<typeof flowDiffSchema>;
export type NodeChange = z.output<typeof nodeChangeSchema>;
export type EdgeChange = z.output<typeof edgeChangeSchema>;
export type RuleChange = z.output<typeof ruleChangeSchema>;
export type IntentChange = z.output<typeof intentChangeSchema>;
export type NamedChange = z.output<typeof namedChangeSchema>;
export type LayoutChange = z.output<typeof layoutChangeSchema>;
