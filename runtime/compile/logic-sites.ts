// Every place a flow holds JSON-logic, with its path and owner, so validation and compilation
// walk the same list and a new node field with logic is added in one place.
import type { FlowDocument, Json } from '../../shared/index.ts';

export interface LogicSite {
  path: Array<string | number>;
  logic: Json;
  nodeId?: string;
  ruleId?: string;
  /** How to name the site in a message, e.g. `Rule "Large transfer"`. */
  owner: string;
}

export function logicSites(doc: FlowDocument): LogicSite[] {
  const sites: LogicSite[] = [];
  doc.escalation.rules.forEach((rule, i) => {
    sites.push({ path: ['escalation', 'rules', i, 'when'], logic: rule.when, ruleId: rule.id, owner: `Escalation rule "${rule.name}"` });
  });
  doc.nodes.forEach((node, i) => {
    const base = ['nodes', i, 'data'];
    const owner = `Node ${node.id} (${node.type})`;
    const at = (path: Array<string | number>, logic: Json) => sites.push({ path: [...base, ...path], logic, nodeId: node.id, owner });
    switch (node.type) {
      case 'condition':
        if (node.data.mode === 'if') at(['when'], node.data.when);
        else node.data.cases.forEach((c, j) => at(['cases', j, 'when'], c.when));
        break;
      case 'set':
        node.data.assignments.forEach((a, j) => at(['assignments', j, 'value'], a.value));
        break;
      case 'action':
        for (const [key, value] of Object.entries(node.data.input)) at(['input', key], value);
        break;
      case 'start':
      case 'message':
      case 'ask':
      case 'intent':
      case 'answer':
      case 'handoff':
      case 'csat':
      case 'end':
        break;
      default:
        node satisfies never;
    }
  });
  return sites;
}
