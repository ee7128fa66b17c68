// Property tests: validation never throws whatever JSON it gets, and a turn never throws (or
// hangs) whatever the customer types, with state staying plain JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFlow, start, step, MAX_MESSAGE_CHARS } from '../../runtime/index.ts';
import { bankingMini, compileOrThrow, host } from './fixtures.ts';
import type { Json } from '../../shared/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const returns = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'flows', 'returns.json'), 'utf8'));

describe('checkFlow', () => {
  it('never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => Array.isArray(checkFlow(value))), { numRuns: 500 });
  });

  it('never throws when a valid flow is mutated at random', () => {
    const valid = bankingMini() as Record<string, unknown>;
    const keys = Object.keys(valid);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), fc.nat(5), fc.jsonValue(), (key, value, index, nodeData) => {
        const doc = structuredClone(valid) as Record<string, unknown> & { nodes: Array<Record<string, unknown>> };
        doc[key] = value;
        if (Array.isArray(doc.nodes) && doc.nodes[index] && typeof doc.nodes[index] === 'object') doc.nodes[index]!.data = nodeData;
        const problems = checkFlow(doc);
        for (const p of problems) expect(typeof p.message).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});

describe('step', () => {
  const flows = [compileOrThrow(bankingMini()), compileOrThrow(returns)];

  it('never throws on any message sequence, and state stays JSON', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('', '1', 'yes', 'AB123456', '\u0000\u001b[2J', '🙂🙂🙂'));
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.array(text, { maxLength: 8 }), fc.dictionary(fc.string(), fc.jsonValue()), (which, messages, customer) => {
        const flow = flows[which]!;
        const h = host();
        let result = start(flow, { conversationId: 'p', customer: customer as Record<string, Json> }, h);
        for (const m of messages) {
          result = step(flow, result.state, { type: 'message', text: m }, h);
          expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('cuts a 1 MB message and strips control characters', () => {
    const flow = flows[0]!;
    const h = host();
    const opened = start(flow, { conversationId: 'big' }, h);
    const result = step(flow, opened.state, { type: 'message', text: `\u0007${'a'.repeat(1024 * 1024)}` }, h);
    const user = result.state.transcript.find((t) => t.role === 'user')!;
    expect(user.text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(user.text.startsWith('a')).toBe(true);
    expect(result.trace.notes.join(' ')).toMatch(/cut from 1048577/);
  });

  it('keeps state JSON-exact even when the host passes -0 or nested odd keys', () => {
    const flow = flows[0]!;
    const result = start(flow, { conversationId: 'z', customer: { '': { '': -0 } } }, host());
    expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
  });

  it('treats a non-string message as empty instead of throwing', () => {
    const flow = flows[0]!;
    const h = host();
    const opened = start(flow, { conversationId: 'n' }, h);
    const result = step(flow, opened.state, { type: 'message', text: 42 as unknown as string }, h);
    expect(result.state.status).toBe('active');
  });
});
