// compileFlow rejects a flow broken in each way the foundation issue lists, reporting every
// problem at once with a stable code, a path and the element's id.
import { describe, expect, it } from 'vitest';
import { checkFlow, compileFlow } from '../../runtime/index.ts';
import type { FlowDocumentInput, Problem } from '../../shared/index.ts';
import { bankingMini } from './fixtures.ts';

const codes = (problems: Problem[]) => problems.map((p) => `${p.code} @ ${p.path}`);

describe('a valid flow', () => {
  it('compiles with no problems', () => {
    const result = compileFlow(bankingMini());
    expect(result.ok).toBe(true);
    expect(checkFlow(bankingMini())).toEqual([]);
  });
});

describe('a flow broken in every listed way', () => {
  const broken: FlowDocumentInput = {
    ...bankingMini(),
    intents: [
      { name: 'card_lost', examples: ['I lost my card'] },
      { name: 'balance', examples: [] },
      { name: 'balance', examples: ['again'] },
    ],
    escalation: {
      rules: [
        { id: 'r1', name: 'Unknown op', when: { regex_match: [{ var: 'message.text' }, 'x'] }, priority: 'high', queue: 'q', reason: 'r' },
        { id: 'r2', name: 'Undeclared', when: { '>': [{ var: 'vars.total' }, 5] }, priority: 'high', queue: 'q', reason: 'r' },
        { id: 'r1', name: 'Dup id', when: true, priority: 'low', queue: 'q', reason: 'r' },
      ],
    },
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'start2', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'router', type: 'intent', position: { x: 0, y: 0 }, data: { intents: ['card_lost', 'balance', 'nope'] } },
      { id: 'a', type: 'message', position: { x: 0, y: 0 }, data: { text: 'loop a' } },
      { id: 'b', type: 'set', position: { x: 0, y: 0 }, data: { assignments: [{ variable: 'n', value: { '+': [{ var: 'vars.n' }, 1] } }] } },
      { id: 'orphan', type: 'end', position: { x: 0, y: 0 }, data: {} },
      { id: 'a', type: 'end', position: { x: 0, y: 0 }, data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'router' },
      { id: 'e2', source: 'router', sourceHandle: 'card_lost', target: 'a' },
      { id: 'e3', source: 'a', sourceHandle: 'next', target: 'b' },
      { id: 'e4', source: 'b', sourceHandle: 'next', target: 'a' },
      { id: 'e5', source: 'router', sourceHandle: 'balance', target: 'ghost' },
      { id: 'e6', source: 'start2', sourceHandle: 'sideways', target: 'a' },
    ],
  };
  const result = compileFlow(broken);
  const problems = result.ok ? [] : result.problems;

  it('is rejected', () => expect(result.ok).toBe(false));

  it.each([
    ['duplicate_id', 'nodes[6].id', { nodeId: 'a' }],
    ['duplicate_id', 'escalation.rules[2].id', { ruleId: 'r1' }],
    ['duplicate_intent', 'intents[2].name', { intent: 'balance' }],
    ['duplicate_start', 'nodes[1]', { nodeId: 'start2' }],
    ['dangling_edge', 'edges[4].target', { edgeId: 'e5' }],
    ['unknown_port', 'edges[5].sourceHandle', { edgeId: 'e6', nodeId: 'start2' }],
    ['port_without_edge', 'nodes[1]', { nodeId: 'start2' }],
    ['unreachable_node', 'nodes[5]', { nodeId: 'orphan', severity: 'warning' }],
    ['loop_without_wait', 'nodes[3]', { nodeId: 'a' }],
    ['unknown_operator', 'escalation.rules[0].when.regex_match', { ruleId: 'r1' }],
    ['undeclared_variable', 'escalation.rules[1].when', { ruleId: 'r2' }],
    ['unknown_intent', 'nodes[2].data.intents[2]', { nodeId: 'router', intent: 'nope' }],
    ['intent_without_examples', 'intents[1].examples', { nodeId: 'router', intent: 'balance' }],
  ] as const)('reports %s at %s', (code, path, extra) => {
    const found = problems.find((p) => p.code === code && p.path === path);
    expect(found, `expected ${code} at ${path} among:\n${codes(problems).join('\n')}`).toBeDefined();
    expect(found).toMatchObject(extra);
    expect(found!.message.length).toBeGreaterThan(20);
  });

  it('reports unknown node types and malformed logic with their paths', () => {
    const doc = {
      ...bankingMini(),
      nodes: [
        ...bankingMini().nodes,
        { id: 'weird', type: 'telepathy', position: { x: 0, y: 0 }, data: {} },
        { id: 'c', type: 'condition', position: { x: 0, y: 0 }, data: { mode: 'if', when: { if: 'x' } } },
      ],
    };
    const problems = checkFlow(doc);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'unknown_node_type', path: 'nodes[5].type', nodeId: 'weird' }));
  });

  it('reports a missing start and every schema problem, with unknown fields named', () => {
    const problems = checkFlow({
      schemaVersion: 1,
      id: 'x',
      name: 'X',
      nodes: [{ id: 'm', type: 'message', position: { x: 0, y: 0 }, data: { text: 'hi', colour: 'red' } }],
      edges: [{ id: 'e', source: 'm', target: 'nowhere', label: 'x' }],
    });
    expect(codes(problems)).toEqual(expect.arrayContaining(['unknown_field @ nodes[0].data.colour', 'unknown_field @ edges[0].label']));
    const graph = checkFlow(bankingMini({ nodes: bankingMini().nodes.filter((n) => n.type !== 'start') }));
    expect(codes(graph)).toContain('missing_start @ nodes');
  });

  it('refuses absurdly deep nesting with a problem instead of overflowing the stack', () => {
    let when: unknown = true;
    for (let i = 0; i < 5000; i++) when = { '!': [when] };
    const doc = bankingMini();
    const rules = [{ ...doc.escalation!.rules![0]!, when }];
    const problems = checkFlow({ ...doc, escalation: { rules } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'too_deeply_nested' });
    expect(problems[0]!.path.startsWith('escalation.rules[0].when["!"][0]')).toBe(true);
  });

  it('reports a wrong schema version and non-objects without crashing', () => {
    expect(checkFlow({ ...bankingMini(), schemaVersion: 2 })[0]).toMatchObject({ code: 'unsupported_schema_version', path: 'schemaVersion' });
    expect(checkFlow(null)[0]).toMatchObject({ code: 'invalid_document' });
    expect(checkFlow([1, 2])[0]).toMatchObject({ code: 'invalid_document' });
  });
});
