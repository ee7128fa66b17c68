// Benchmark: `step` latency on a 200-node flow, classification excluded (a constant classifier),
// with a 16-rule escalation policy evaluated on every turn.
import { compileFlow, start, step, steppingClock, type StepResult } from '../runtime/index.ts';
import type { FlowDocumentInput } from '../shared/index.ts';
import type { IntentClassifier } from '../runtime/nlu/classifier.ts';
import { percentile, isMain } from './measure.ts';

const INTENTS = ['a', 'b', 'c', 'd', 'e'];
const CHAIN = 39;

/** A 200-node flow: every branch of the router runs 39 nodes and loops back to it. */
export function twoHundredNodeFlow(): FlowDocumentInput {
  const nodes: FlowDocumentInput['nodes'] = [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'router', type: 'intent', position: { x: 0, y: 0 }, data: { intents: INTENTS } },
    { id: 'lc', type: 'handoff', position: { x: 0, y: 0 }, data: { queue: 'general', reason: 'lc' } },
    { id: 'oos', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Out of scope.' } },
    { id: 'oos2', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Try again.' } },
  ];
  const edges: FlowDocumentInput['edges'] = [
    { id: 'e-start', source: 'start', target: 'router' },
    { id: 'e-lc', source: 'router', sourceHandle: 'low_confidence', target: 'lc' },
    { id: 'e-oos', source: 'router', sourceHandle: 'out_of_scope', target: 'oos' },
    { id: 'e-oos-next', source: 'oos', target: 'oos2' },
    { id: 'e-oos-back', source: 'oos2', target: 'router' },
  ];
  for (const intent of INTENTS) {
    for (let i = 0; i < CHAIN; i++) {
      const id = `${intent}${i}`;
      const kind = i % 3;
      if (kind === 0) nodes.push({ id, type: 'message', position: { x: 0, y: 0 }, data: { text: `Step ${i} for {{customer.firstName | you}}, total {{vars.total}}` } });
      if (kind === 1) nodes.push({ id, type: 'set', position: { x: 0, y: 0 }, data: { assignments: [{ variable: 'total', value: { '+': [{ var: 'vars.total' }, i] } }] } });
      if (kind === 2) nodes.push({ id, type: 'condition', position: { x: 0, y: 0 }, data: { mode: 'if', when: { '>': [{ var: 'vars.total' }, -1] } } });
      const nextId = i + 1 < CHAIN ? `${intent}${i + 1}` : 'router';
      if (kind === 2) {
        edges.push({ id: `${id}-t`, source: id, sourceHandle: 'true', target: nextId }, { id: `${id}-f`, source: id, sourceHandle: 'false', target: nextId });
      } else edges.push({ id: `${id}-n`, source: id, target: nextId });
    }
    edges.push({ id: `route-${intent}`, source: 'router', sourceHandle: intent, target: `${intent}0` });
  }
  const rules = Array.from({ length: 16 }, (_, i) => ({
    id: `r${i}`,
    name: `Rule ${i}`,
    when: { and: [{ '>': [{ var: 'vars.total' }, 1e12 + i] }, { '==': [{ var: 'nlu.intent' }, INTENTS[i % 5]!] }] },
    priority: 'high' as const,
    queue: 'q',
    reason: `r${i}`,
  }));
  return {
    schemaVersion: 1,
    id: 'bench',
    name: 'Bench',
    variables: [{ name: 'total', type: 'number', default: 0 }],
    intents: INTENTS.map((name) => ({ name, examples: [name] })),
    escalation: { rules },
    nodes,
    edges,
  };
}

export async function benchEngine(): Promise<Record<string, unknown>> {
  const doc = twoHundredNodeFlow();
  const rankings = INTENTS.map((top) => ({
    ranking: [{ intent: top, confidence: 0.9 }, ...INTENTS.filter((i) => i !== top).map((intent) => ({ intent, confidence: 0.025 }))],
    outOfScope: false,
  }));
  let n = 0;
  const classifier: IntentClassifier = { classify: () => rankings[n++ % rankings.length]!, toJSON: () => ({ kind: 'constant' }) };
  const compiled = compileFlow(doc, { classifier });
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  const flow = compiled.flow;
  const host = { clock: steppingClock() };
  let result: StepResult = start(flow, { conversationId: 'bench', customer: { firstName: 'Ada' } }, host);
  const turns = 20_000;
  const times: number[] = [];
  for (let i = 0; i < turns + 2000; i++) {
    if (result.state.transcript.length > 200) result = start(flow, { conversationId: 'bench', customer: { firstName: 'Ada' } }, host);
    const t0 = performance.now();
    result = step(flow, result.state, { type: 'message', text: 'go' }, host);
    const t1 = performance.now();
    if (i >= 2000) times.push(t1 - t0);
  }
  times.sort((a, b) => a - b);
  return {
    nodes: doc.nodes.length,
    rules: doc.escalation?.rules?.length,
    nodesPerTurn: result.trace.steps,
    turns,
    stepP50Ms: percentile(times, 0.5),
    stepP99Ms: percentile(times, 0.99),
    targetP99Ms: 0.2,
  };
}

if (isMain(import.meta.url)) console.log(JSON.stringify(await benchEngine(), null, 2));
