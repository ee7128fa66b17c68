// The part of a flow reviewers must approve: settings (thresholds), escalation rules in order,
// handoff nodes and the edges into them. A version whose projection differs needs review.
import type { FlowDocument, FlowEdge, FlowSettings, EscalationRule } from '../../shared/index.ts';

export interface PolicyProjection {
  settings: FlowSettings;
  escalationRules: EscalationRule[];
  handoffNodes: Array<{ id: string; data: unknown }>;
  handoffEdges: FlowEdge[];
}

/** Ids of the handoff nodes of a document. */
export function handoffNodeIds(doc: FlowDocument): Set<string> {
  return new Set(doc.nodes.filter((n) => n.type === 'handoff').map((n) => n.id));
}

export function policyProjection(doc: FlowDocument): PolicyProjection {
  const handoffs = handoffNodeIds(doc);
  return {
    settings: doc.settings,
    escalationRules: doc.escalation.rules,
    handoffNodes: doc.nodes.filter((n) => handoffs.has(n.id)).map((n) => ({ id: n.id, data: n.data })),
    handoffEdges: doc.edges.filter((e) => handoffs.has(e.target)),
  };
}
