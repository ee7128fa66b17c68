// The official JsonLogic suite (jsonlogic.com/tests.json, copied into ./jsonlogic with its licence) against compileLogic.
// rule_like.json is not used: it tests json-logic-js's `rule_like` pattern helper, which the runtime does not offer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileLogic, type Logic } from '../../runtime/logic/index.ts';

type Case = [rule: Logic, data: unknown, expected: unknown];

const entries = JSON.parse(readFileSync(join(import.meta.dirname, 'jsonlogic', 'tests.json'), 'utf8')) as Array<string | Case>;

// String entries are section headings ("# Single operator tests"); group the cases under them.
const sections: Array<{ title: string; cases: Case[] }> = [];
for (const entry of entries) {
  if (typeof entry === 'string') sections.push({ title: entry.replace(/^#\s*/, ''), cases: [] });
  else (sections.at(-1) ?? sections[sections.push({ title: 'untitled', cases: [] }) - 1]!).cases.push(entry);
}

describe('official JsonLogic suite', () => {
  it('has every case', () => {
    expect(sections.reduce((n, s) => n + s.cases.length, 0)).toBe(277);
  });

  for (const { title, cases } of sections) {
    it(title, () => {
      for (const [rule, data, expected] of cases) {
        const got = compileLogic(rule)(data);
        // isDeepStrictEqual tells 0 from -0 and matches NaN with NaN.
        expect(isDeepStrictEqual(got, expected), `${JSON.stringify(rule)} on ${JSON.stringify(data)}: got ${JSON.stringify(got)}`).toBe(true);
        // The reference implementation agrees, so the suite is the one json-logic-js passes.
        expect(jsonLogic.apply(rule as never, data)).toEqual(expected);
      }
    });
  }
});
