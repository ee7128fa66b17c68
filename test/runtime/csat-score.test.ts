// The CSAT node's reading of a typed score: a whole 1–5 in the text, or its word; anything else
// is no score (the node asks once more, then moves on without one).
import { describe, expect, it } from 'vitest';
import { parseScore } from '../../runtime/nodes/csat.ts';

describe('parseScore', () => {
  it.each([
    ['4', 4],
    ['4/5', 4],
    ['I would give it a 5!', 5],
    ['Five stars', 5],
    ['two', 2],
  ])('reads %j as %i', (text, score) => {
    expect(parseScore(text)).toBe(score);
  });

  it.each(['-1', '-3', '2.5', '10', '0', 'great', ''])('reads no score from %j', (text) => {
    expect(parseScore(text)).toBeNull();
  });
});
