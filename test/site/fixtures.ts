// Flows for the site runtime tests: a looping support chat that never ends on its own (so turns
// can be replayed, raced and crashed), with an escalation rule, an action webhook, CSAT and a
// greeting that shows whether the customer is signed in.
import type { JsonObject } from '../../shared/index.ts';

export interface ChatFlowOptions {
  /** Default "Hi {{customer.firstName | there}}! Ask me about your balance or an order." */
  greeting?: string;
  /** Default "Your balance is 42.00 EUR." */
  balance?: string;
}

export function chatFlow(id: string, o: ChatFlowOptions = {}): JsonObject {
  const at = (x: number, y: number) => ({ x, y });
  return {
    schemaVersion: 1,
    id,
    name: `Chat ${id}`,
    locale: 'en',
    settings: { confidenceThreshold: 0.4, ambiguityMargin: 0.05, maxClarifications: 0, defaultQueue: 'general' },
    variables: [{ name: 'order', type: 'json' }],
    intents: [
      { name: 'balance', examples: ['what is my balance', 'how much money do I have', 'show me my balance', 'check my account balance', 'balance please'] },
      { name: 'card_lost', examples: ['I lost my card', 'my card was stolen', 'someone stole my card', 'I cannot find my card', 'lost card'] },
      { name: 'order', examples: ['where is my order', 'track my order', 'check my order status', 'has my parcel shipped', 'order status'] },
      { name: 'goodbye', examples: ['bye', 'goodbye', 'that is all thanks', 'no thanks I am done', 'see you'] },
    ],
    escalation: {
      rules: [
        {
          id: 'lost-card',
          name: 'Lost or stolen card',
          when: { '==': [{ var: 'nlu.intent' }, 'card_lost'] },
          priority: 'urgent',
          queue: 'fraud',
          reason: 'card_security',
          tags: ['fraud'],
        },
      ],
    },
    nodes: [
      { id: 'start', type: 'start', position: at(0, 0), data: {} },
      { id: 'greet', type: 'condition', position: at(0, 100), data: { mode: 'if', when: { '==': [{ var: 'customer.authenticated' }, true] } } },
      { id: 'hello_known', type: 'message', position: at(200, 200), data: { text: 'Welcome back, {{customer.firstName}}! You are signed in.' } },
      { id: 'hello', type: 'message', position: at(-200, 200), data: { text: o.greeting ?? 'Hi {{customer.firstName | there}}! Ask me about your balance or an order.' } },
      { id: 'route', type: 'intent', position: at(0, 300), data: { intents: ['balance', 'card_lost', 'order', 'goodbye'] } },
      { id: 'balance_msg', type: 'message', position: at(-400, 400), data: { text: o.balance ?? 'Your balance is 42.00 EUR.' } },
      { id: 'lookup', type: 'action', position: at(-200, 400), data: { action: 'lookup_order', input: { ref: 'AB123456' }, timeoutMs: 1500, resultVariable: 'order' } },
      { id: 'order_msg', type: 'message', position: at(-300, 500), data: { text: 'Your order is {{vars.order.status}}.' } },
      { id: 'order_err', type: 'message', position: at(-100, 500), data: { text: "Sorry, I can't look up orders right now." } },
      { id: 'rate', type: 'csat', position: at(200, 400), data: { prompt: 'How did we do? Rate us from 1 to 5.' } },
      { id: 'done', type: 'end', position: at(200, 500), data: { outcome: 'resolved', text: 'Thanks, bye!' } },
      { id: 'human', type: 'handoff', position: at(400, 400), data: { queue: 'cards', reason: 'card_help' } },
      { id: 'sorry', type: 'message', position: at(0, 500), data: { text: "Sorry, I didn't get that. Ask about your balance or an order." } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'greet' },
      { id: 'e2', source: 'greet', sourceHandle: 'true', target: 'hello_known' },
      { id: 'e3', source: 'greet', sourceHandle: 'false', target: 'hello' },
      { id: 'e4', source: 'hello_known', target: 'route' },
      { id: 'e5', source: 'hello', target: 'route' },
      { id: 'e6', source: 'route', sourceHandle: 'balance', target: 'balance_msg' },
      { id: 'e7', source: 'balance_msg', target: 'route' },
      { id: 'e8', source: 'route', sourceHandle: 'order', target: 'lookup' },
      { id: 'e9', source: 'lookup', sourceHandle: 'ok', target: 'order_msg' },
      { id: 'e10', source: 'lookup', sourceHandle: 'error', target: 'order_err' },
      { id: 'e11', source: 'order_msg', target: 'route' },
      { id: 'e12', source: 'order_err', target: 'route' },
      { id: 'e13', source: 'route', sourceHandle: 'goodbye', target: 'rate' },
      { id: 'e14', source: 'rate', target: 'done' },
      { id: 'e15', source: 'route', sourceHandle: 'card_lost', target: 'human' },
      { id: 'e16', source: 'route', sourceHandle: 'low_confidence', target: 'sorry' },
      { id: 'e17', source: 'sorry', target: 'route' },
    ],
  };
}

/** Asks for a question, answers it from knowledge base `help` (threshold 0.3) and asks again; no_answer → a fixed message first. */
export function helpFlow(id: string, greeting = 'Ask me anything.'): JsonObject {
  return {
    schemaVersion: 1,
    id,
    name: `Help ${id}`,
    locale: 'en',
    knowledge: { base: 'help' },
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'hello', type: 'message', position: { x: 0, y: 100 }, data: { text: greeting } },
      { id: 'wait', type: 'ask', position: { x: 0, y: 200 }, data: { prompt: 'Your question?', variable: 'question', valueType: 'text' } },
      { id: 'answer', type: 'answer', position: { x: 0, y: 300 }, data: { threshold: 0.3, template: '{{kb.extract}}' } },
      { id: 'sorry', type: 'message', position: { x: 200, y: 300 }, data: { text: 'No article for that.' } },
    ],
    variables: [{ name: 'question', type: 'string' }],
    edges: [
      { id: 'e1', source: 'start', target: 'hello' },
      { id: 'e2', source: 'hello', target: 'wait' },
      { id: 'e3', source: 'wait', target: 'answer' },
      { id: 'e4', source: 'answer', sourceHandle: 'answered', target: 'wait' },
      { id: 'e5', source: 'answer', sourceHandle: 'no_answer', target: 'sorry' },
      { id: 'e6', source: 'sorry', target: 'wait' },
    ],
  };
}
