// Problems from the runtime's checkFlow, indexed the way the editor shows them: per node (for
// the badge and the inspector), per edge, per rule, per intent, and per node field.
import type { Problem } from '../../shared/index.ts';
import type { EditorDoc } from './editor-document.ts';

export interface ProblemIndex {
  all: readonly Problem[];
  errors: number;
  warnings: number;
  byNode: ReadonlyMap<string, readonly Problem[]>;
  byEdge: ReadonlyMap<string, readonly Problem[]>;
  byRule: ReadonlyMap<string, readonly Problem[]>;
  byIntent: ReadonlyMap<string, readonly Problem[]>;
}

export const emptyProblemIndex: ProblemIndex = { all: [], errors: 0, warnings: 0, byNode: new Map(), byEdge: new Map(), byRule: new Map(), byIntent: new Map() };

const push = <K,>(map: Map<K, Problem[]>, key: K, p: Problem) => {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
};

/** The node a problem is about: its nodeId, or the node its path starts in (`nodes[3]…`). */
export function problemNodeId(doc: EditorDoc, p: Problem): string | undefined {
  if (p.nodeId) return p.nodeId;
  const m = /^nodes\[(\d+)\]/.exec(p.path);
  return m ? doc.nodes[Number(m[1])]?.id : undefined;
}

/** The escalation rule a problem is about: its ruleId, or the rule its path starts in. */
export function problemRuleId(doc: EditorDoc, p: Problem): string | undefined {
  if (p.ruleId) return p.ruleId;
  const m = /^escalation\.rules\[(\d+)\]/.exec(p.path);
  return m ? doc.escalation?.rules?.[Number(m[1])]?.id : undefined;
}

export function indexProblems(doc: EditorDoc, problems: readonly Problem[]): ProblemIndex {
  const byNode = new Map<string, Problem[]>();
  const byEdge = new Map<string, Problem[]>();
  const byRule = new Map<string, Problem[]>();
  const byIntent = new Map<string, Problem[]>();
  let errors = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    const nodeId = problemNodeId(doc, p);
    if (nodeId) push(byNode, nodeId, p);
    if (p.edgeId) push(byEdge, p.edgeId, p);
    const ruleId = problemRuleId(doc, p);
    if (ruleId) push(byRule, ruleId, p);
    if (p.intent) push(byIntent, p.intent, p);
    else {
      const m = /^intents\[(\d+)\]/.exec(p.path);
      const name = m ? doc.intents?.[Number(m[1])]?.name : undefined;
      if (name) push(byIntent, name, p);
    }
  }
  return { all: problems, errors, warnings: problems.length - errors, byNode, byEdge, byRule, byIntent };
}

/**
 * The data field a node problem points at, relative to the node's data (`prompt`,
 * `cases.1.when`), or null for node-level problems (unconnected port, unreachable).
 */
export function problemField(p: Problem): string | null {
  const m = /^nodes\[\d+\]\.data(.*)$/.exec(p.path);
  if (!m) return null;
  const rest = m[1]!.replace(/\[(\d+)\]/g, '.$1').replace(/\["([^"]+)"\]/g, '.$1').replace(/^\./, '');
  return rest || null;
}

/** Whether two lists of problems say the same (used to keep canvas nodes from re-rendering). */
export function sameProblems(a: readonly Problem[] | undefined, b: readonly Problem[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((p, i) => p.message === b[i]!.message && p.path === b[i]!.path && p.severity === b[i]!.severity);
}
