// The answer node through the engine: answered / no_answer by the node's threshold, the score in
// the trace and the rule context, flows that name a knowledge base, and input that never throws.
import { describe, expect, it } from 'vitest';
import { conversationState, type FlowDocumentInput } from '../../shared/index.ts';
import { buildKnowledgeIndex, checkFlow, compileFlow, start, step, type StepResult } from '../../runtime/index.ts';
import { compileOrThrow, host } from './fixtures.ts';
import { helpArticles } from './knowledge-fixtures.ts';

const say = (result: StepResult) => result.outputs.flatMap((o) => (o.type === 'message' ? [o.text] : []));
const knowledge = buildKnowledgeIndex({ id: 'help', locale: 'en', articles: helpArticles });

/** start → ask (the question) → answer → (answered) condition on kb.* → message; (no_answer) sorry → ask again. */
function answerFlow(threshold: number, extra: Partial<FlowDocumentInput> = {}): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'kb-test',
    name: 'KB test',
    variables: [{ name: 'question', type: 'string' }],
    knowledge: { base: 'help' },
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'ask', type: 'ask', data: { prompt: 'Your question?', variable: 'question', valueType: 'text' } },
      { id: 'answer', type: 'answer', data: { threshold, template: '{{kb.extract}} ({{kb.title}}: {{kb.url}})' } },
      { id: 'which', type: 'condition', data: { mode: 'if', when: { and: [{ '==': [{ var: 'kb.articleId' }, 'card-delivery'] }, { '>=': [{ var: 'kb.score' }, threshold] }, { var: 'kb.answered' }] } } },
      { id: 'delivery', type: 'message', data: { text: 'Delivery article, score {{kb.score}}.' } },
      { id: 'other', type: 'message', data: { text: 'Another article.' } },
      { id: 'sorry', type: 'message', data: { text: 'No article for that (best {{kb.articleId}}).' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'ask' },
      { id: 'e2', source: 'ask', target: 'answer' },
      { id: 'e3', source: 'answer', sourceHandle: 'answered', target: 'which' },
      { id: 'e4', source: 'which', sourceHandle: 'true', target: 'delivery' },
      { id: 'e5', source: 'which', sourceHandle: 'false', target: 'other' },
      { id: 'e6', source: 'delivery', target: 'ask' },
      { id: 'e7', source: 'other', target: 'ask' },
      { id: 'e8', source: 'answer', sourceHandle: 'no_answer', target: 'sorry' },
      { id: 'e9', source: 'sorry', target: 'ask' },
    ],
    ...extra,
  };
}

function ask(threshold: number, text: string): StepResult {
  const flow = compileOrThrow(answerFlow(threshold), { knowledge });
  const h = host();
  return step(flow, start(flow, { conversationId: 'c' }, h).state, { type: 'message', text }, h);
}

describe('answer node', () => {
  it('answers with the best article when it clears the threshold, and the rule context sees kb.*', () => {
    const result = ask(0.2, 'when will my card arrive?');
    const [answer, after] = say(result);
    expect(answer).toBe('Cards arrive within 5–7 working days, or up to 3 weeks abroad. (When will my card arrive?: https://help.example.com/card-delivery)');
    expect(after).toMatch(/^Delivery article, score 0\.\d+\.$/);
    expect(result.state.kb).toEqual({ articleId: 'card-delivery', title: 'When will my card arrive?', score: expect.any(Number), answered: true });
    expect(result.state.kb!.score).toBeGreaterThan(0.2);
    expect(result.trace.nodes.find((n) => n.id === 'answer')?.port).toBe('answered');
  });

  it('names the score, the threshold and the runners-up in the trace', () => {
    const note = ask(0.2, 'when will my card arrive?').trace.notes.find((n) => n.startsWith('knowledge:'));
    expect(note).toMatch(/^knowledge: best article card-delivery scored 0\.\d{3} \(threshold 0\.2\) → answered; next: [\w-]+ 0\.\d{3}/);
  });

  it('takes no_answer below the threshold, keeping the score for rules', () => {
    const result = ask(0.99, 'when will my card arrive?');
    expect(say(result)).toEqual(['No article for that (best card-delivery).', 'Your question?']);
    expect(result.state.kb).toMatchObject({ articleId: 'card-delivery', answered: false });
    expect(result.trace.nodes.find((n) => n.id === 'answer')?.port).toBe('no_answer');
    expect(result.trace.notes.some((n) => /→ no answer/.test(n))).toBe(true);
  });

  it('takes no_answer when nothing matches, and the context falls back to an empty kb', () => {
    const result = ask(0.1, 'zebra quantum');
    expect(say(result)[0]).toBe('No article for that (best ).');
    expect(result.state.kb).toBeNull();
    expect(result.trace.notes).toContain('knowledge: no article matched (threshold 0.1)');
  });

  it('keeps state that survives a JSON round trip and the wire schema', () => {
    const result = ask(0.2, 'how do I change my pin');
    const copy = JSON.parse(JSON.stringify(result.state));
    expect(copy).toEqual(result.state);
    expect(conversationState.parse(copy).kb).toEqual(result.state.kb);
  });

  it('never throws on what customers type', () => {
    const flow = compileOrThrow(answerFlow(0.3), { knowledge });
    const h = host();
    let state = start(flow, { conversationId: 'c' }, h).state;
    for (const text of ['', '🙂🙂🙂', 'x'.repeat(10_000), '\u0000\ud800', 'карта', 'card '.repeat(3000)]) {
      const result = step(flow, state, { type: 'message', text }, h);
      expect(result.state.status).toBe('active');
      state = result.state;
    }
  });

  it('answers from inline articles without a knowledge base (the older form)', () => {
    const doc = answerFlow(0.2, { knowledge: { articles: helpArticles } });
    const flow = compileOrThrow(doc);
    expect(flow.knowledge?.id).toBeNull();
    const h = host();
    const result = step(flow, start(flow, { conversationId: 'c' }, h).state, { type: 'message', text: 'how do I close my account' }, h);
    expect(result.state.kb?.articleId).toBe('close-account');
  });
});

describe('compiling flows with knowledge', () => {
  it('needs the named knowledge base, with the same id', () => {
    const missing = compileFlow(answerFlow(0.3));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems).toContainEqual(expect.objectContaining({ code: 'knowledge_base_not_loaded', path: 'knowledge.base' }));
    const other = compileFlow(answerFlow(0.3), { knowledge: buildKnowledgeIndex({ id: 'other', articles: helpArticles }) });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.problems[0]).toMatchObject({ code: 'knowledge_base_mismatch', message: expect.stringContaining('"other"') });
  });

  it('rejects a knowledge base and inline articles together, and duplicate inline ids', () => {
    const both = checkFlow(answerFlow(0.3, { knowledge: { base: 'help', articles: [helpArticles[0]!, helpArticles[0]!] } }));
    expect(both).toContainEqual(expect.objectContaining({ code: 'invalid_field', path: 'knowledge.articles' }));
    expect(both).toContainEqual(expect.objectContaining({ code: 'duplicate_id', path: 'knowledge.articles[1].id' }));
  });

  it('warns about an answer node with nothing to search', () => {
    const { knowledge: _k, ...doc } = answerFlow(0.3);
    const problems = checkFlow(doc);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'answer_without_knowledge', severity: 'warning', nodeId: 'answer' }));
    expect(problems.some((p) => p.severity === 'error')).toBe(false);
  });

  it('reports a bad knowledge-base id at its path', () => {
    const problems = checkFlow(answerFlow(0.3, { knowledge: { base: 'Not An Id' } }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'invalid_field', path: 'knowledge.base' }));
  });
});
