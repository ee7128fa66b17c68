// Handing an escalated conversation back to the bot: only at nodes where resuming makes sense,
// with the escalation's leftovers cleared so the next answer is judged afresh, and a state that
// survives a JSON round trip.
import { describe, expect, it } from 'vitest';
import { checkResumeNode, handBack, start, step } from '../../runtime/index.ts';
import { bankingMini, compileOrThrow, host, rank, scriptedClassifier } from './fixtures.ts';

const base = bankingMini();
const doc = bankingMini({
  nodes: [...base.nodes, { id: 'ask_amount', type: 'ask', position: { x: 400, y: 200 }, data: { prompt: 'How much was it?', variable: 'amount', valueType: 'number' } }],
  edges: [...(base.edges ?? []), { id: 'e5', source: 'ask_amount', sourceHandle: 'next', target: 'bal' }],
});
const classifier = scriptedClassifier({ 'I lost my card': rank(['card_lost', 0.95], ['balance', 0.05]), 'balance please': rank(['balance', 0.9], ['card_lost', 0.1]) });

function escalated() {
  const flow = compileOrThrow(doc, { classifier });
  const h = host();
  const first = start(flow, { conversationId: 'c1', customer: { firstName: 'Ada' } }, h);
  const second = step(flow, first.state, { type: 'message', text: 'I lost my card' }, h);
  expect(second.state.status).toBe('escalated');
  return { flow, h, state: second.state };
}

describe('hand back to the bot', () => {
  it('refuses unknown nodes and nodes where resuming makes no sense', () => {
    const { flow, h, state } = escalated();
    expect(checkResumeNode(flow, 'nowhere')?.code).toBe('unknown_node');
    for (const id of ['start', 'lost', 'end']) expect([id, checkResumeNode(flow, id)?.code]).toEqual([id, 'not_resumable']);
    expect(handBack(flow, state, { nodeId: 'start' }, h)).toMatchObject({ ok: false, problem: { code: 'not_resumable' } });
    const active = start(flow, { conversationId: 'c2' }, h).state;
    expect(handBack(flow, active, { nodeId: 'router' }, h)).toMatchObject({ ok: false, problem: { code: 'not_escalated' } });
  });

  it('resumes at an intent router: says the bot is back, asks again and answers the next message', () => {
    const { flow, h, state } = escalated();
    const back = handBack(flow, state, { nodeId: 'router' }, h);
    if (!back.ok) throw new Error(back.problem.message);
    expect(back.result.outputs).toEqual([
      { type: 'message', text: 'You are back with our virtual assistant.' },
      { type: 'message', text: 'How can I help?' },
    ]);
    expect(back.result.state).toMatchObject({ status: 'active', handoff: null, nlu: null, waiting: { kind: 'input', nodeId: 'router' } });
    expect(back.result.trace.event).toBe('hand_back');
    const roundTripped = JSON.parse(JSON.stringify(back.result.state));
    expect(roundTripped).toEqual(back.result.state);
    const next = step(flow, roundTripped, { type: 'message', text: 'balance please' }, h);
    expect(next.outputs[0]).toEqual({ type: 'message', text: 'Your balance is in the app, Ada.' });
  });

  it('clears the misunderstanding, so an answer to a question does not re-fire the rule that escalated', () => {
    const { flow, h, state } = escalated();
    const back = handBack(flow, state, { nodeId: 'ask_amount' }, h);
    if (!back.ok) throw new Error(back.problem.message);
    expect(back.result.state.waiting).toMatchObject({ kind: 'input', nodeId: 'ask_amount' });
    const answered = step(flow, back.result.state, { type: 'message', text: '40' }, h);
    expect(answered.state.status).not.toBe('escalated');
    expect(answered.state.vars.amount).toBe(40);
    expect(answered.outputs.map((o) => (o.type === 'message' ? o.text : o.type))).toContain('Your balance is in the app, Ada.');
    // The transcript keeps everything said before the handoff.
    expect(answered.state.transcript.map((t) => t.text)).toContain('I lost my card');
  });
});
