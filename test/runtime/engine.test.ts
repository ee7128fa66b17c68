// The engine's contract: routing by confidence, the escalation policy, clarification, the
// handoff package, effects, the step budget, and state that survives a JSON round trip.
import { describe, expect, it } from 'vitest';
import { handoffPackage, conversationState } from '../../shared/index.ts';
import { start, step, type StepResult } from '../../runtime/index.ts';
import { bankingMini, compileOrThrow, host, rank, scriptedClassifier } from './fixtures.ts';

const say = (result: StepResult) => result.outputs.flatMap((o) => (o.type === 'message' ? [o.text] : []));

describe('start', () => {
  it('runs to the first waiting node and says its prompt', () => {
    const flow = compileOrThrow(bankingMini());
    const result = start(flow, { conversationId: 'c1' }, host());
    expect(say(result)).toEqual(['How can I help?']);
    expect(result.state.waiting).toMatchObject({ kind: 'input', nodeId: 'router' });
    expect(result.trace.nodes.map((n) => n.id)).toEqual(['start', 'router']);
  });
});

describe('intent routing', () => {
  const classifier = scriptedClassifier({
    balance: rank(['balance', 0.9], ['card_lost', 0.05]),
    unsure: rank(['balance', 0.4], ['card_lost', 0.3]),
    close: rank(['balance', 0.6], ['card_lost', 0.55]),
    lost: rank(['card_lost', 0.92], ['balance', 0.03]),
  });
  const flow = compileOrThrow(bankingMini(), { classifier });
  const h = host();
  const opened = start(flow, { conversationId: 'c', customer: { firstName: 'Ada' } }, h);

  it('routes a clear intent and fills templates', () => {
    const result = step(flow, opened.state, { type: 'message', text: 'balance' }, h);
    expect(say(result)).toEqual(['Your balance is in the app, Ada.']);
    expect(result.state.status).toBe('ended');
    expect(result.state.outcome).toBe('resolved');
    expect(result.trace.nlu).toMatchObject({ intent: 'balance', accepted: true, threshold: 0.55 });
  });

  it('clarifies below the threshold, offering the top alternatives, and accepts a pick', () => {
    const unsure = step(flow, opened.state, { type: 'message', text: 'unsure' }, h);
    expect(say(unsure)[0]).toMatch(/Did you mean 1\) balance, 2\) card lost/);
    expect(unsure.state.status).toBe('active');
    expect(unsure.state.conversation).toMatchObject({ clarifications: 1, lowConfidenceCount: 1 });
    const picked = step(flow, unsure.state, { type: 'message', text: '1' }, h);
    expect(picked.state.nlu).toMatchObject({ intent: 'balance', accepted: true });
    expect(picked.state.status).toBe('ended');
  });

  it('asks which one was meant when the top two are within the ambiguity margin', () => {
    const result = step(flow, opened.state, { type: 'message', text: 'close' }, h);
    expect(say(result)[0]).toMatch(/Did you mean 1\) balance, 2\) card lost/);
    expect(result.state.conversation.lowConfidenceCount).toBe(0);
  });

  it('escalates with reason low_confidence after maxClarifications', () => {
    let state = opened.state;
    let last!: StepResult;
    for (const text of ['unsure', 'unsure', 'unsure']) {
      last = step(flow, state, { type: 'message', text }, h);
      state = last.state;
    }
    expect(state.status).toBe('escalated');
    expect(state.handoff?.reasons).toEqual([expect.objectContaining({ source: 'system', reason: 'low_confidence', queue: 'general' })]);
    expect(state.conversation.clarifications).toBe(2);
  });

  it('checks the escalation policy on the user turn: every match recorded, highest priority wins', () => {
    const vip = start(flow, { conversationId: 'v', customer: { tier: 'vip' } }, h);
    const result = step(flow, vip.state, { type: 'message', text: 'lost' }, h);
    expect(result.state.status).toBe('escalated');
    const pkg = result.state.handoff!;
    expect(pkg.queue).toBe('fraud');
    expect(pkg.priority).toBe('urgent');
    expect(pkg.reasons.map((r) => r.id)).toEqual(['lost-card', 'vip']);
    expect(result.trace.rules).toEqual([
      { id: 'lost-card', name: 'Lost or stolen card', matched: true },
      { id: 'vip', name: 'VIP customer with a card problem', matched: true },
    ]);
    // The rule took over before the router's own handoff node ran.
    expect(result.trace.nodes.map((n) => n.id)).toEqual(['router']);
    expect(handoffPackage.parse(pkg)).toEqual(pkg);
  });

  it('honours "talk to a human" at any point', () => {
    const result = step(flow, opened.state, { type: 'message', text: 'Can I speak to a real person please?' }, h);
    expect(result.state.status).toBe('escalated');
    expect(result.state.handoff?.reasons[0]).toMatchObject({ reason: 'customer_request' });
    const button = step(flow, opened.state, { type: 'request_human' }, h);
    expect(button.state.handoff?.reasons[0]).toMatchObject({ reason: 'customer_request' });
  });

  it('does not answer once escalated, but keeps the message in the transcript', () => {
    const escalated = step(flow, opened.state, { type: 'request_human' }, h);
    const after = step(flow, escalated.state, { type: 'message', text: 'hello?' }, h);
    expect(after.outputs).toEqual([]);
    expect(after.state.transcript.at(-1)).toMatchObject({ role: 'user', text: 'hello?' });
  });
});

describe('handoff package', () => {
  it('redacts PII variables unless allowed, and carries transcript, customer and summary', () => {
    const doc = bankingMini({
      variables: [{ name: 'iban', type: 'string', pii: true }, { name: 'amount', type: 'number' }],
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'ask', type: 'ask', position: { x: 0, y: 0 }, data: { prompt: 'IBAN?', variable: 'iban' } },
        { id: 'set', type: 'set', position: { x: 0, y: 0 }, data: { assignments: [{ variable: 'amount', value: { '*': [2, 21] } }] } },
        { id: 'h', type: 'handoff', position: { x: 0, y: 0 }, data: { queue: 'payments', priority: 'high', reason: 'iban_check', tags: ['iban'] } },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
        { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'set' },
        { id: 'e3', source: 'set', sourceHandle: 'next', target: 'h' },
      ],
      intents: [],
      escalation: { rules: [] },
    });
    const flow = compileOrThrow(doc);
    const h = host();
    const opened = start(flow, { conversationId: 'p', channel: 'whatsapp', customer: { firstName: 'Lin', tier: 'gold' } }, h);
    const done = step(flow, opened.state, { type: 'message', text: 'DE89370400440532013000' }, h);
    const pkg = done.state.handoff!;
    expect(pkg.variables).toEqual({ iban: '[redacted]', amount: 42 });
    expect(pkg).toMatchObject({ queue: 'payments', priority: 'high', channel: 'whatsapp', customer: { tier: 'gold' }, tags: ['iban'] });
    expect(pkg.transcript.map((t) => t.role)).toEqual(['bot', 'user', 'bot']);
    expect(pkg.summary).toContain('Lin wrote via whatsapp');
    expect(pkg.summary).toContain('iban = [redacted]');
    const open = step(flow, opened.state, { type: 'message', text: 'DE89370400440532013000' }, { ...h, allowPii: true });
    expect(open.state.handoff!.variables.iban).toBe('DE89370400440532013000');
  });
});

describe('ask', () => {
  const flow = compileOrThrow(
    bankingMini({
      intents: [],
      escalation: {
        rules: [{ id: 'big', name: 'Big amount', when: { '>': [{ var: 'vars.amount' }, 10000] }, priority: 'high', queue: 'risk', reason: 'big_amount' }],
      },
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'amount', type: 'ask', position: { x: 0, y: 0 }, data: { prompt: 'How much?', variable: 'amount', valueType: 'number', min: 1, maxAttempts: 1 } },
        { id: 'ok', type: 'end', position: { x: 0, y: 0 }, data: { text: 'Noted {{vars.amount}}.' } },
        { id: 'bad', type: 'end', position: { x: 0, y: 0 }, data: { outcome: 'abandoned' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'amount' },
        { id: 'e2', source: 'amount', target: 'ok' },
        { id: 'e3', source: 'amount', sourceHandle: 'invalid', target: 'bad' },
      ],
    }),
  );
  const h = host();
  const opened = start(flow, { conversationId: 'a' }, h);

  it('parses typed answers and continues', () => {
    const result = step(flow, opened.state, { type: 'message', text: 'about $1,250.50' }, h);
    expect(result.state.vars.amount).toBe(1250.5);
    expect(say(result)).toEqual(['Noted 1250.5.']);
  });

  it('lets the policy see a variable collected this turn', () => {
    const result = step(flow, opened.state, { type: 'message', text: '15k' }, h);
    expect(result.state.handoff?.queue).toBe('risk');
  });

  it('reprompts, then takes the invalid port', () => {
    const once = step(flow, opened.state, { type: 'message', text: 'lots' }, h);
    expect(say(once)[0]).toMatch(/doesn't look right/);
    const twice = step(flow, once.state, { type: 'message', text: '-3' }, h);
    expect(twice.state.outcome).toBe('abandoned');
  });
});

describe('action effects', () => {
  const flow = compileOrThrow(
    bankingMini({
      intents: [],
      escalation: { rules: [] },
      variables: [{ name: 'account', type: 'json' }],
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'look', type: 'action', position: { x: 0, y: 0 }, data: { action: 'lookup', input: { who: { var: 'customer.id' } }, resultVariable: 'account' } },
        { id: 'ok', type: 'end', position: { x: 0, y: 0 }, data: { text: 'Hi {{vars.account.name}}' } },
        { id: 'err', type: 'handoff', position: { x: 0, y: 0 }, data: { queue: 'ops', reason: 'lookup_failed' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'look' },
        { id: 'e2', source: 'look', sourceHandle: 'ok', target: 'ok' },
        { id: 'e3', source: 'look', sourceHandle: 'error', target: 'err' },
      ],
    }),
  );
  const h = host();

  it('emits an effect for the host and continues on its result', () => {
    const opened = start(flow, { conversationId: 'x', customer: { id: 'u7' } }, h);
    const action = opened.outputs.find((o) => o.type === 'action');
    expect(action).toMatchObject({ type: 'action', action: 'lookup', input: { who: 'u7' }, timeoutMs: 5000 });
    if (action?.type !== 'action') throw new Error('no action');
    const stale = step(flow, opened.state, { type: 'action_result', requestId: 'other', ok: true, data: {} }, h);
    expect(stale.state.waiting).toEqual(opened.state.waiting);
    const ok = step(flow, opened.state, { type: 'action_result', requestId: action.requestId, ok: true, data: { name: 'Sam' } }, h);
    expect(say(ok)).toEqual(['Hi Sam']);
    const failed = step(flow, opened.state, { type: 'action_result', requestId: action.requestId, ok: false, error: 'timeout' }, h);
    expect(failed.state.handoff?.reasons[0]).toMatchObject({ reason: 'lookup_failed', source: 'node' });
  });
});

describe('step budget', () => {
  it('stops a turn that runs too many nodes and hands over', () => {
    const chain = Array.from({ length: 30 }, (_, i) => ({ id: `m${i}`, type: 'message', position: { x: 0, y: 0 }, data: { text: `${i}` } }));
    const flow = compileOrThrow(
      bankingMini({
        intents: [],
        escalation: { rules: [] },
        settings: { stepBudget: 10 },
        nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }, ...chain, { id: 'end', type: 'end', position: { x: 0, y: 0 }, data: {} }],
        edges: [
          { id: 'e', source: 'start', target: 'm0' },
          ...chain.map((n, i) => ({ id: `e${i}`, source: n.id, target: chain[i + 1]?.id ?? 'end' })),
        ],
      }),
    );
    const result = start(flow, { conversationId: 'b' }, host());
    expect(result.state.status).toBe('escalated');
    expect(result.state.handoff?.reasons[0]).toMatchObject({ reason: 'step_budget_exceeded' });
    expect(result.trace.steps).toBe(10);
  });
});

describe('state', () => {
  it('survives a JSON round trip between turns with identical results', () => {
    const flow = compileOrThrow(bankingMini());
    const messages = ['what is my balance', 'hmm', 'I lost my card'];
    const run = (roundTrip: boolean) => {
      const h = host();
      let result = start(flow, { conversationId: 'r' }, h);
      const all = [result];
      for (const text of messages) {
        const state = roundTrip ? JSON.parse(JSON.stringify(result.state)) : result.state;
        result = step(flow, state, { type: 'message', text }, h);
        all.push(result);
      }
      return all;
    };
    const plain = run(false);
    expect(run(true)).toEqual(plain);
    for (const r of plain) expect(conversationState.parse(r.state)).toEqual(r.state);
  });

  it('does not mutate the state it is given', () => {
    const flow = compileOrThrow(bankingMini());
    const h = host();
    const opened = start(flow, { conversationId: 'm' }, h);
    const frozen = JSON.stringify(opened.state);
    step(flow, opened.state, { type: 'message', text: 'I lost my card' }, h);
    expect(JSON.stringify(opened.state)).toBe(frozen);
  });
});

describe('multilingual flows', () => {
  it('trains one model per locale and classifies with the conversation locale', () => {
    const doc = bankingMini({
      escalation: { rules: [] },
      intents: [
        {
          name: 'card_lost',
          examples: ['I lost my card', 'my card was stolen', 'card missing'],
          localeExamples: { de: ['ich habe meine Karte verloren', 'Karte gestohlen', 'meine Karte ist weg'] },
        },
        {
          name: 'balance',
          examples: ['what is my balance', 'how much money do I have', 'account balance'],
          localeExamples: { de: ['wie ist mein Kontostand', 'wie viel Geld habe ich', 'Kontostand bitte'] },
        },
      ],
    });
    const trained: string[] = [];
    const flow = compileOrThrow(doc, {
      train: (intents, locale) => {
        trained.push(`${locale}:${intents.flatMap((i) => i.examples).length}`);
        return scriptedClassifier(Object.fromEntries(intents.flatMap((i) => i.examples.map((e) => [e, rank([i.name, 0.95])]))));
      },
    });
    expect(trained).toEqual(['en:6', 'de:6']);
    const h = host();
    const german = start(flow, { conversationId: 'de', locale: 'de-AT' }, h);
    expect(step(flow, german.state, { type: 'message', text: 'wie ist mein Kontostand' }, h).state.nlu?.intent).toBe('balance');
    const english = start(flow, { conversationId: 'en' }, h);
    expect(step(flow, english.state, { type: 'message', text: 'wie ist mein Kontostand' }, h).state.nlu?.accepted).toBe(false);
  });
});
