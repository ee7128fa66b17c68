// The structural diff between two parsed flow documents: every section keyed by element id and
// compared field by field, positions reported apart as layout, plus whether (and why) the change
// needs review. Pure: the versions router feeds it documents read from the database.
import type {
  EdgeChange,
  FieldChange,
  FlowDiff,
  FlowDocument,
  IntentChange,
  KnowledgeSide,
  Json,
  LayoutChange,
  NamedChange,
  NodeChange,
  ReviewReason,
  RuleChange,
  TypedNode,
} from '../../shared/index.ts';
import { canonicalJson } from '../crypto/canonical-json.ts';
import { fieldChanges, keyedChanges, movedKeys, sameJson } from './keyed-diff.ts';
import { handoffNodeIds, policyProjection } from './policy-projection.ts';
import { withoutLayout } from './content-hash.ts';

export interface DiffSide {
  ref: string;
  number: number | null;
  contentHash: string;
}

/** The knowledge base a document names, without a version. */
export function knowledgeSide(doc: FlowDocument, pin: { versionId: string; number: number } | null = null): KnowledgeSide | null {
  const kbId = doc.knowledge?.base;
  return kbId === undefined ? null : { kbId, versionId: pin?.versionId ?? null, number: pin?.number ?? null };
}

const asJson = (value: unknown): Json => value as Json;
const asRecord = (value: object): Record<string, unknown> => value as Record<string, unknown>;

/**
 * The structural diff. `knowledge` gives each side's knowledge-base version (stored with flow
 * versions, not in the document); without it only a change of `knowledge.base` shows.
 */
export function diffFlows(
  a: FlowDocument,
  b: FlowDocument,
  sides: { from: DiffSide; to: DiffSide },
  knowledge: { from: KnowledgeSide | null; to: KnowledgeSide | null } = { from: knowledgeSide(a), to: knowledgeSide(b) },
): FlowDiff {
  const nodes = diffNodes(a, b);
  const edges = diffEdges(a, b);
  const escalationRules = diffRules(a, b);
  const settings = fieldChanges(asRecord(a.settings), asRecord(b.settings), { deep: false });
  const needsReview = !sameJson(policyProjection(a), policyProjection(b));
  return {
    from: sides.from,
    to: sides.to,
    sameContent: canonicalJson(withoutLayout(a)) === canonicalJson(withoutLayout(b)) && sameJson(knowledge.from, knowledge.to),
    needsReview,
    reviewReasons: needsReview ? reviewReasons({ settings, escalationRules, nodes: nodes.changes, edges }) : [],
    document: fieldChanges(asRecord(a), asRecord(b), {
      deep: false,
      skip: ['settings', 'variables', 'intents', 'escalation', 'knowledge', 'nodes', 'edges', 'schemaVersion'],
    }),
    settings,
    variables: diffNamed(a.variables, b.variables, (v) => v.name),
    intents: diffIntents(a, b),
    escalationRules,
    knowledgeArticles: diffNamed(a.knowledge?.articles ?? [], b.knowledge?.articles ?? [], (k) => k.id),
    knowledgeBase: sameJson(knowledge.from, knowledge.to) ? null : { before: knowledge.from, after: knowledge.to },
    nodes: nodes.changes,
    edges,
    layout: nodes.layout,
  };
}

function diffNamed<T extends object>(before: readonly T[], after: readonly T[], key: (t: T) => string): NamedChange[] {
  return keyedChanges(before, after, key, (x, y) => !sameJson(x, y)).map((c) => ({
    key: c.key,
    change: c.change,
    fields: c.before && c.after ? fieldChanges(asRecord(c.before), asRecord(c.after), { deep: true }) : [],
    ...(c.change === 'removed' ? { before: asJson(c.before) } : {}),
    ...(c.change === 'added' ? { after: asJson(c.after) } : {}),
  }));
}

function diffNodes(a: FlowDocument, b: FlowDocument): { changes: NodeChange[]; layout: LayoutChange[] } {
  const logic = (n: TypedNode) => ({ type: n.type, data: n.data });
  const changes: NodeChange[] = keyedChanges(a.nodes, b.nodes, (n) => n.id, (x, y) => !sameJson(logic(x), logic(y))).map((c) => {
    const node = (c.after ?? c.before)!;
    return {
      id: c.key,
      type: node.type,
      change: c.change,
      handoff: c.before?.type === 'handoff' || c.after?.type === 'handoff',
      fields: c.before && c.after ? fieldChanges(logic(c.before), logic(c.after), { deep: true }) : [],
      ...(c.change === 'removed' ? { before: asJson(c.before) } : {}),
      ...(c.change === 'added' ? { after: asJson(c.after) } : {}),
    };
  });
  const before = new Map(a.nodes.map((n) => [n.id, n.position]));
  const layout: LayoutChange[] = [];
  for (const node of b.nodes) {
    const old = before.get(node.id);
    if (old && (old.x !== node.position.x || old.y !== node.position.y)) layout.push({ nodeId: node.id, before: old, after: node.position });
  }
  return { changes, layout };
}

function diffEdges(a: FlowDocument, b: FlowDocument): EdgeChange[] {
  const handoffsA = handoffNodeIds(a);
  const handoffsB = handoffNodeIds(b);
  return keyedChanges(a.edges, b.edges, (e) => e.id, (x, y) => !sameJson(x, y)).map((c) => ({
    id: c.key,
    change: c.change,
    toHandoff: (c.before !== undefined && handoffsA.has(c.before.target)) || (c.after !== undefined && handoffsB.has(c.after.target)),
    fields: c.before && c.after ? fieldChanges(asRecord(c.before), asRecord(c.after), { deep: false }) : [],
    ...(c.change === 'removed' ? { before: asJson(c.before) } : {}),
    ...(c.change === 'added' ? { after: asJson(c.after) } : {}),
  }));
}

function diffRules(a: FlowDocument, b: FlowDocument): RuleChange[] {
  const before = a.escalation.rules;
  const after = b.escalation.rules;
  const moved = movedKeys(
    before.map((r) => r.id),
    after.map((r) => r.id),
  );
  const changes = keyedChanges(before, after, (r) => r.id, (x, y) => !sameJson(x, y) || moved.has(x.id));
  return changes.map((c) => ({
    id: c.key,
    name: (c.after ?? c.before)!.name,
    change: c.change,
    fields: c.before && c.after ? fieldChanges(asRecord(c.before), asRecord(c.after), { deep: false }) : [],
    ...(moved.has(c.key) ? { moved: { from: c.fromIndex!, to: c.toIndex! } } : {}),
    ...(c.change === 'removed' ? { before: asJson(c.before) } : {}),
    ...(c.change === 'added' ? { after: asJson(c.after) } : {}),
  }));
}

function diffIntents(a: FlowDocument, b: FlowDocument): IntentChange[] {
  return keyedChanges(a.intents, b.intents, (i) => i.name, (x, y) => !sameJson(x, y)).map((c) => {
    const beforeExamples = c.before?.examples ?? [];
    const afterExamples = c.after?.examples ?? [];
    const had = new Set(beforeExamples);
    const has = new Set(afterExamples);
    const fields: FieldChange[] =
      c.before && c.after ? fieldChanges(asRecord(c.before), asRecord(c.after), { deep: false, skip: ['examples'] }) : [];
    const examplesAdded = c.change === 'added' ? [] : afterExamples.filter((e) => !had.has(e));
    const examplesRemoved = c.change === 'removed' ? [] : beforeExamples.filter((e) => !has.has(e));
    if (c.change === 'changed' && !examplesAdded.length && !examplesRemoved.length && !sameJson(beforeExamples, afterExamples)) {
      fields.push({ path: 'examples.order' });
    }
    return {
      name: c.key,
      change: c.change,
      fields,
      examplesAdded: c.change === 'changed' ? examplesAdded : [],
      examplesRemoved: c.change === 'changed' ? examplesRemoved : [],
      ...(c.change === 'removed' ? { before: asJson(c.before) } : {}),
      ...(c.change === 'added' ? { after: asJson(c.after) } : {}),
    };
  });
}

const show = (v: Json | undefined): string => (v === undefined ? '(unset)' : JSON.stringify(v));
const fieldList = (fields: FieldChange[]) => fields.map((f) => f.path).join(', ');

function reviewReasons(d: { settings: FieldChange[]; escalationRules: RuleChange[]; nodes: NodeChange[]; edges: EdgeChange[] }): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  for (const f of d.settings) {
    reasons.push({ section: 'settings', path: `settings.${f.path}`, message: `Setting ${f.path} changed from ${show(f.before)} to ${show(f.after)}.` });
  }
  for (const r of d.escalationRules) {
    const path = `escalation.rules[id=${r.id}]`;
    const what =
      r.change === 'added'
        ? 'added'
        : r.change === 'removed'
          ? 'removed'
          : [r.fields.length ? `changed (${fieldList(r.fields)})` : '', r.moved ? `moved from position ${r.moved.from + 1} to ${r.moved.to + 1}` : '']
              .filter(Boolean)
              .join(' and ');
    reasons.push({ section: 'escalation', path, message: `Escalation rule "${r.name}" (${r.id}) ${what}.` });
  }
  for (const n of d.nodes.filter((n) => n.handoff)) {
    const what = n.change === 'changed' ? `changed (${fieldList(n.fields)})` : n.change;
    reasons.push({ section: 'handoff', path: `nodes[id=${n.id}]`, message: `Handoff node ${n.id} ${what}.` });
  }
  for (const e of d.edges.filter((e) => e.toHandoff)) {
    const what = e.change === 'changed' ? `changed (${fieldList(e.fields)})` : e.change;
    reasons.push({ section: 'handoff', path: `edges[id=${e.id}]`, message: `Connection ${e.id} into a handoff node ${what}.` });
  }
  if (reasons.length === 0) {
    reasons.push({ section: 'escalation', path: '', message: 'The escalation policy differs.' });
  }
  return reasons;
}
