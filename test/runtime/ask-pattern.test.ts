// Ask-node patterns the flow checker refuses, with the path: those only a backtracking engine can
// run (backreferences, lookaround) and nested repetition; ordinary ones pass.
import { describe, expect, it } from 'vitest';
import { parseFlow, type JsonObject } from '../../shared/index.ts';
import { patternProblem } from '../../shared/nodes/ask-pattern.ts';

function flowAsking(pattern: string): JsonObject {
  const at = { x: 0, y: 0 };
  return {
    schemaVersion: 1,
    id: 'code',
    name: 'Code',
    nodes: [
      { id: 'start', type: 'start', position: at, data: {} },
      { id: 'ask', type: 'ask', position: at, data: { prompt: 'Your code?', variable: 'code', valueType: 'text', pattern } },
      { id: 'ok', type: 'end', position: at, data: { outcome: 'resolved' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'ok' },
    ],
  };
}

describe('ask-node patterns', () => {
  it.each(['[A-Za-z]{2}\\d{6}', '[A-Z]{2}\\d{2}[A-Z0-9]{11,30}', '(?:ab)+c?', '[\\1(?=]x', '\\(?=a'])('accepts %j', (pattern) => {
    expect(patternProblem(pattern)).toBeNull();
    expect(parseFlow(flowAsking(pattern)).ok).toBe(true);
  });

  it.each([
    ['(a*)*b', /repeats a repetition/],
    ['(\\d{1,20})+x', /repeats a repetition/],
    ['(a)\\1', /backreference \(\\1\)/],
    ['(?<n>a)\\k<n>', /named backreference/],
    ['(?=a)a', /lookahead/],
    ['(?<!x)a', /lookbehind/],
    ['(', /not a valid regular expression/],
  ])('refuses %j where it is', (pattern, message) => {
    const parsed = parseFlow(flowAsking(pattern));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toEqual([expect.objectContaining({ path: 'nodes[1].data.pattern', message: expect.stringMatching(message) })]);
  });
});
