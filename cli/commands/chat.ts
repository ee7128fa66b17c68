// `switchboard chat <flow.json>`: talk to a flow in the terminal, seeing intent, confidence and
// rule hits after each turn.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { step, start, type EngineOutput, type StepResult, type TurnTrace } from '../../runtime/index.ts';
import type { CliIo } from '../io.ts';
import { loadFlow } from '../load-flow.ts';
import { loadActionFixtures } from '../action-fixtures.ts';
import { parseJsonText } from '../read-json-file.ts';

export async function chatCommand(args: string[], io: CliIo, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { customer: { type: 'string', default: '{}' }, channel: { type: 'string', default: 'cli' }, actions: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) {
    io.stderr(`usage: switchboard chat <flow.json> [--customer '{"tier":"vip"}'] [--channel web] [--actions fixtures.json]\n`);
    return 2;
  }
  const flow = await loadFlow(positionals[0]!, io);
  if (!flow) return 1;
  const customer = parseJsonText(values.customer, 'The --customer value');
  if (!customer.ok || typeof customer.value !== 'object' || customer.value === null || Array.isArray(customer.value)) {
    io.stderr(`--customer: expected a JSON object, e.g. '{"tier":"vip"}'\n`);
    return 1;
  }
  const respond = await loadActionFixtures(values.actions, io);
  if (!respond) return 1;
  const host = { clock: { now: () => Date.now() } };

  const show = (result: StepResult): StepResult => {
    let current = result;
    for (;;) {
      print(io, current.outputs, current.trace);
      const action = current.outputs.find((o) => o.type === 'action');
      if (action?.type !== 'action') return current;
      current = step(flow, current.state, { type: 'action_result', requestId: action.requestId, ...respond(action.action, action.input) }, host);
    }
  };

  io.stdout(`Chatting with "${flow.doc.name}". Type a message; /quit to leave.\n`);
  let result = show(start(flow, { conversationId: `cli-${Date.now()}`, channel: values.channel, customer: customer.value as Record<string, never> }, host));
  const rl = createInterface({ input, terminal: false });
  const prompt = () => io.stdout('you> ');
  if (result.state.status === 'active') prompt();
  for await (const line of rl) {
    if (line.trim() === '/quit') break;
    result = show(step(flow, result.state, { type: 'message', text: line }, host));
    if (result.state.status !== 'active') break;
    prompt();
  }
  rl.close();
  io.stdout(`(conversation ${result.state.status}${result.state.outcome ? `: ${result.state.outcome}` : ''})\n`);
  return 0;
}

function print(io: CliIo, outputs: EngineOutput[], trace: TurnTrace): void {
  for (const o of outputs) {
    if (o.type === 'message') io.stdout(`bot> ${o.text}\n`);
    if (o.type === 'handoff') io.stdout(`     ⇢ handed to ${o.handoff.queue} (${o.handoff.priority}): ${o.handoff.reasons.map((r) => r.name).join('; ')}\n`);
    if (o.type === 'action') io.stdout(`     ⇢ calling webhook ${o.action} ${JSON.stringify(o.input)}\n`);
  }
  const facts: string[] = [];
  if (trace.nlu) {
    const alts = trace.nlu.ranking.slice(0, 3).map((r) => `${r.intent} ${r.confidence.toFixed(2)}`).join(', ');
    facts.push(`intent ${trace.nlu.accepted ? trace.nlu.intent : '(unclear)'} · top: ${alts} · threshold ${trace.nlu.threshold}${trace.nlu.outOfScope ? ' · out of scope' : ''}`);
  }
  const hits = trace.rules.filter((r) => r.matched).map((r) => r.id);
  if (trace.rules.length) facts.push(`rules matched: ${hits.length ? hits.join(', ') : 'none'} of ${trace.rules.length}`);
  if (trace.nodes.length) facts.push(`path: ${trace.nodes.map((n) => n.id + (n.port ? `→${n.port}` : '')).join(' ')}`);
  for (const fact of [...facts, ...trace.notes]) io.stdout(`     · ${fact}\n`);
}
