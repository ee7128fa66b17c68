// Ask-node patterns the flow checker refuses, with the path: those only a backtracking engine can
// run (backreferences, lookaround) and nested repetition; ordinary ones pass.
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../shared/index.ts';
import { patternProblem } from '../../shared/nodes/ask-pattern.ts';
import { askingFlow } from './fixtures.ts';

describe('ask-node patterns', () => {
  it.each(['[A-Za-z]{2}\\d{6}', '[A-Z]{2}\\d{2}[A-Z0-9]{11,30}', '(?:ab)+c?', '[\\1(?=]x', '\\(?=a'])('accepts %j', (pattern) => {
    expect(patternProblem(pattern)).toBeNull();
    expect(parseFlow(askingFlow(pattern)).ok).toBe(true);
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
    const parsed = parseFlow(askingFlow(pattern));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toEqual([expect.objectContaining({ path: 'nodes[1].data.pattern', message: expect.stringMatching(message) })]);
  });
});
