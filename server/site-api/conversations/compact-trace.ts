// What is kept of a turn's engine trace with the turn: the path through the flow, what the NLU
// understood, which escalation rules matched and the notes — enough for analytics and support,
// without the full ranking and every rule that did not match (the bulk of a raw trace).
import type { TurnTrace } from '../../../runtime/index.ts';

export interface CompactTrace {
  turn: number;
  event: TurnTrace['event'];
  /** `nodeId:port` for each node run (`nodeId` alone when it waited). */
  path: string[];
  nlu: { intent: string | null; confidence: number; accepted: boolean; outOfScope: boolean; top: Array<[string, number]> } | null;
  matchedRules: string[];
  /** Rules whose evaluation failed, with the error. */
  ruleErrors: Array<{ id: string; error: string }>;
  notes: string[];
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

export function compactTrace(t: TurnTrace): CompactTrace {
  return {
    turn: t.turn,
    event: t.event,
    path: t.nodes.map((n) => (n.port === null ? n.id : `${n.id}:${n.port}`)),
    nlu: t.nlu && {
      intent: t.nlu.intent,
      confidence: round(t.nlu.confidence),
      accepted: t.nlu.accepted,
      outOfScope: t.nlu.outOfScope,
      top: t.nlu.ranking.slice(0, 3).map((r) => [r.intent, round(r.confidence)]),
    },
    matchedRules: t.rules.filter((r) => r.matched).map((r) => r.id),
    ruleErrors: t.rules.filter((r) => r.error !== undefined).map((r) => ({ id: r.id, error: r.error! })),
    notes: t.notes,
  };
}
