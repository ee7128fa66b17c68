// Graph- and rule-level checks on a parsed flow document. Reports every problem, never just the
// first, each with a stable code, a path, the element's id and a sentence a designer understands.
import {
  formatPath,
  nodeDefinitions,
  portsOf,
  type FlowDocument,
  type Problem,
  type TypedNode,
} from '../../shared/index.ts';
import { checkLogic, logicVariables } from '../logic/index.ts';
import { logicSites } from './logic-sites.ts';
import { ruleContextRoots } from './rule-context-roots.ts';
import { templatePaths } from '../engine/template.ts';
import { knowledgeProblems } from './knowledge-problems.ts';

export function validateFlow(doc: FlowDocument): Problem[] {
  return [
    ...duplicateIds(doc),
    ...startProblems(doc),
    ...edgeProblems(doc),
    ...portProblems(doc),
    ...unreachableNodes(doc),
    ...loopsWithoutWait(doc),
    ...logicProblems(doc),
    ...variableProblems(doc),
    ...intentProblems(doc),
    ...knowledgeProblems(doc),
  ];
}

const error = (p: Omit<Problem, 'severity'>): Problem => ({ severity: 'error', ...p });

/** Indexes by id keeping the first of duplicates (the later ones are reported as duplicates). */
function firstById<T>(items: readonly T[], id: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(id(item))) map.set(id(item), item);
  return map;
}

function duplicateIds(doc: FlowDocument): Problem[] {
  const problems: Problem[] = [];
  const check = <T>(items: readonly T[], key: (t: T) => string, field: string, what: string, extra: (id: string) => Partial<Problem>) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const id = key(item);
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else
        problems.push(
          error({
            code: what === 'intent' ? 'duplicate_intent' : 'duplicate_id',
            path: formatPath([...field.split('.'), i, what === 'intent' || what === 'variable' ? 'name' : 'id']),
            message: `There are two ${what}s named "${id}" (${field}[${first}] and ${field}[${i}]); give each a unique name.`,
            ...extra(id),
          }),
        );
    });
  };
  check(doc.nodes, (n) => n.id, 'nodes', 'node', (id) => ({ nodeId: id }));
  check(doc.edges, (e) => e.id, 'edges', 'edge', (id) => ({ edgeId: id }));
  check(doc.escalation.rules, (r) => r.id, 'escalation.rules', 'rule', (id) => ({ ruleId: id }));
  check(doc.intents, (i) => i.name, 'intents', 'intent', (id) => ({ intent: id }));
  check(doc.variables, (v) => v.name, 'variables', 'variable', () => ({}));
  return problems;
}

function startProblems(doc: FlowDocument): Problem[] {
  const starts = doc.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.type === 'start');
  if (starts.length === 0) {
    return [error({ code: 'missing_start', path: 'nodes', message: 'The flow has no Start node; add one where conversations begin.' })];
  }
  return starts.slice(1).map(({ n, i }) =>
    error({
      code: 'duplicate_start',
      path: formatPath(['nodes', i]),
      nodeId: n.id,
      message: `Node ${n.id} is a second Start node; a flow has exactly one (the first is ${starts[0]?.n.id}).`,
    }),
  );
}

function edgeProblems(doc: FlowDocument): Problem[] {
  const nodes = firstById(doc.nodes, (n) => n.id);
  const problems: Problem[] = [];
  doc.edges.forEach((edge, i) => {
    for (const end of ['source', 'target'] as const) {
      if (!nodes.has(edge[end])) {
        problems.push(
          error({
            code: 'dangling_edge',
            path: formatPath(['edges', i, end]),
            edgeId: edge.id,
            message: `Connection ${edge.id} ${end === 'source' ? 'starts at' : 'leads to'} node "${edge[end]}", which does not exist.`,
          }),
        );
      }
    }
    const source = nodes.get(edge.source);
    if (source && !portsOf(source).some((p) => p.id === edge.sourceHandle)) {
      const ports = portsOf(source).map((p) => p.id);
      problems.push(
        error({
          code: 'unknown_port',
          path: formatPath(['edges', i, 'sourceHandle']),
          edgeId: edge.id,
          nodeId: source.id,
          message: `Connection ${edge.id} leaves node ${source.id} from port "${edge.sourceHandle}", which a ${source.type} node does not have (${ports.length ? `ports: ${ports.join(', ')}` : 'it has no outgoing ports'}).`,
        }),
      );
    }
  });
  return problems;
}

function portProblems(doc: FlowDocument): Problem[] {
  const problems: Problem[] = [];
  doc.nodes.forEach((node, i) => {
    const outgoing = doc.edges.filter((e) => e.source === node.id);
    for (const port of portsOf(node)) {
      const edges = outgoing.filter((e) => e.sourceHandle === port.id);
      if (edges.length === 0 && port.required) {
        problems.push(
          error({
            code: 'port_without_edge',
            path: formatPath(['nodes', i]),
            nodeId: node.id,
            message: `Node ${node.id} (${node.type}): its "${port.label}" port is not connected, so the conversation would stop there; connect it to a node.`,
          }),
        );
      }
      if (edges.length > 1) {
        problems.push(
          error({
            code: 'port_with_several_edges',
            path: formatPath(['edges', doc.edges.indexOf(edges[1]!)]),
            nodeId: node.id,
            edgeId: edges[1]!.id,
            message: `Node ${node.id}: its "${port.label}" port has ${edges.length} connections (${edges.map((e) => e.id).join(', ')}); keep one.`,
          }),
        );
      }
    }
  });
  return problems;
}

function successors(doc: FlowDocument): Map<string, string[]> {
  const out = new Map<string, string[]>(doc.nodes.map((n) => [n.id, []]));
  for (const e of doc.edges) out.get(e.source)?.push(e.target);
  return out;
}

function unreachableNodes(doc: FlowDocument): Problem[] {
  const start = doc.nodes.find((n) => n.type === 'start');
  if (!start) return [];
  const next = successors(doc);
  const seen = new Set([start.id]);
  const queue = [start.id];
  while (queue.length) {
    for (const t of next.get(queue.pop()!) ?? []) {
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return doc.nodes.flatMap((n, i) =>
    seen.has(n.id)
      ? []
      : [
          {
            code: 'unreachable_node' as const,
            severity: 'warning' as const,
            path: formatPath(['nodes', i]),
            nodeId: n.id,
            message: `Node ${n.id} (${n.type}) cannot be reached from Start; connect it or delete it.`,
          },
        ],
  );
}

/** A cycle through nodes that never wait would spin within one turn: find strongly connected components. */
function loopsWithoutWait(doc: FlowDocument): Problem[] {
  const passThrough = new Set(doc.nodes.filter((n) => !nodeDefinitions[n.type].waits).map((n) => n.id));
  const next = successors(doc);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  // Iterative Tarjan: flows may be large enough to overflow recursion.
  for (const root of passThrough) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; i: number }> = [{ id: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const targets = (next.get(frame.id) ?? []).filter((t) => passThrough.has(t));
      if (frame.i < targets.length) {
        const t = targets[frame.i++]!;
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ id: t, i: 0 });
        } else if (onStack.has(t)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(t)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && (next.get(frame.id) ?? []).includes(frame.id);
        if (component.length > 1 || selfLoop) components.push(component.reverse());
      }
    }
  }
  return components.map((component) => {
    const first = component[0]!;
    return error({
      code: 'loop_without_wait',
      path: formatPath(['nodes', doc.nodes.findIndex((n) => n.id === first)]),
      nodeId: first,
      message: `Nodes ${component.join(' → ')} form a loop that never waits for the customer, so it could run forever; put a question or intent router in the loop.`,
    });
  });
}

function logicProblems(doc: FlowDocument): Problem[] {
  return logicSites(doc).flatMap((site) =>
    checkLogic(site.logic).map((p) =>
      error({
        code: p.code,
        path: formatPath([...site.path, ...p.path]),
        message: `${site.owner}: ${p.message}`,
        ...(site.nodeId ? { nodeId: site.nodeId } : {}),
        ...(site.ruleId ? { ruleId: site.ruleId } : {}),
      }),
    ),
  );
}

/** Variables a flow declares or that a node sets; everything a rule may read under `vars.`. */
export function knownVariables(doc: FlowDocument): Set<string> {
  const names = new Set(doc.variables.map((v) => v.name));
  for (const node of doc.nodes) {
    if (node.type === 'ask') names.add(node.data.variable);
    if (node.type === 'set') for (const a of node.data.assignments) names.add(a.variable);
    if (node.type === 'action' && node.data.resultVariable) names.add(node.data.resultVariable);
  }
  return names;
}

function variableProblems(doc: FlowDocument): Problem[] {
  const known = knownVariables(doc);
  const problems: Problem[] = [];
  const checkPath = (varPath: string, where: { path: string; owner: string; nodeId?: string; ruleId?: string }) => {
    const [root, name] = varPath.split('.');
    const ids = { ...(where.nodeId ? { nodeId: where.nodeId } : {}), ...(where.ruleId ? { ruleId: where.ruleId } : {}) };
    if (!root || !(ruleContextRoots as readonly string[]).includes(root)) {
      const hint = root && known.has(root) ? ` Did you mean "vars.${varPath}"?` : '';
      problems.push(
        error({
          code: 'unknown_variable',
          path: where.path,
          ...ids,
          message: `${where.owner} reads "${varPath}", which is not in the rule context (it starts with one of: ${ruleContextRoots.join(', ')}).${hint}`,
        }),
      );
    } else if (root === 'vars' && name !== undefined && !known.has(name)) {
      problems.push(
        error({
          code: 'undeclared_variable',
          path: where.path,
          ...ids,
          message: `${where.owner} reads the variable "${name}", which is never declared or set; declare it under variables or set it with an Ask or Set node.`,
        }),
      );
    }
  };
  for (const site of logicSites(doc)) {
    for (const varPath of logicVariables(site.logic)) {
      checkPath(varPath, { path: formatPath(site.path), owner: site.owner, ...(site.nodeId ? { nodeId: site.nodeId } : {}), ...(site.ruleId ? { ruleId: site.ruleId } : {}) });
    }
  }
  doc.nodes.forEach((node, i) => {
    for (const [field, text] of templateFields(node)) {
      for (const varPath of templatePaths(text)) {
        checkPath(varPath, { path: formatPath(['nodes', i, 'data', field]), owner: `Node ${node.id} (${node.type})`, nodeId: node.id });
      }
    }
  });
  return problems;
}

function templateFields(node: TypedNode): Array<[string, string]> {
  const fields: Array<[string, string | undefined]> = [];
  switch (node.type) {
    case 'message':
      fields.push(['text', node.data.text]);
      break;
    case 'ask':
      fields.push(['prompt', node.data.prompt], ['retryPrompt', node.data.retryPrompt]);
      break;
    case 'intent':
      fields.push(['prompt', node.data.prompt]);
      break;
    case 'answer':
      fields.push(['template', node.data.template]);
      break;
    case 'handoff':
    case 'end':
      fields.push(['text', node.data.text]);
      break;
    case 'csat':
      fields.push(['prompt', node.data.prompt]);
      break;
    case 'start':
    case 'condition':
    case 'set':
    case 'action':
      break;
    default:
      node satisfies never;
  }
  return fields.filter((f): f is [string, string] => typeof f[1] === 'string');
}

function intentProblems(doc: FlowDocument): Problem[] {
  const intents = firstById(doc.intents, (i) => i.name);
  const problems: Problem[] = [];
  doc.nodes.forEach((node, i) => {
    if (node.type !== 'intent') return;
    node.data.intents.forEach((name, j) => {
      const intent = intents.get(name);
      const path = formatPath(['nodes', i, 'data', 'intents', j]);
      if (!intent) {
        problems.push(
          error({ code: 'unknown_intent', path, nodeId: node.id, intent: name, message: `Node ${node.id} routes the intent "${name}", which the flow does not define; add it under intents.` }),
        );
      } else if (intent.examples.filter((e) => e.trim()).length === 0) {
        problems.push(
          error({
            code: 'intent_without_examples',
            path: formatPath(['intents', doc.intents.indexOf(intent), 'examples']),
            nodeId: node.id,
            intent: name,
            message: `The intent "${name}" is routed by node ${node.id} but has no example phrases, so it can never be recognised; add a few.`,
          }),
        );
      }
    });
  });
  return problems;
}
