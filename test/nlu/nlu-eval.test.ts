// `switchboard nlu-eval`: the documented JSON keys, out-of-scope figures, and clear errors
// (file and line) with exit code 1.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nluEval } from '../../cli/commands/nlu-eval.ts';
import { pizzaIntents } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'nlu-eval-'));
const csv = (rows: Array<[string, string]>): string => `text,category\n${rows.map(([t, c]) => `"${t.replace(/"/g, '""')}",${c}`).join('\n')}\n`;
const trainPath = join(dir, 'train.csv');
writeFileSync(trainPath, csv(pizzaIntents.flatMap((i) => i.examples.map((e): [string, string] => [e, i.name]))));
const testPath = join(dir, 'test.csv');
writeFileSync(
  testPath,
  csv([
    ['could i order a pepperoni pizza', 'order_pizza'],
    ['where is my delivery', 'order_status'],
    ['what time do you close on friday', 'opening_hours'],
    ['is the vegan pizza free of dairy', 'allergens'],
    ['the pizza was cold when it arrived', 'complaint'],
    ['who won the football last night', 'oos'],
    ['what is the square root of 81', 'oos'],
  ]),
);

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await nluEval(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('nlu-eval', () => {
  it('prints one JSON object with the documented keys', async () => {
    const r = await run(['--train', trainPath, '--test', testPath, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, number>;
    expect(Object.keys(json).sort()).toEqual(['accuracy', 'ece', 'inScopeAccuracy', 'macroF1', 'oosRecall', 'overallAccuracy', 'p50Ms', 'p99Ms', 'trainMs'].sort());
    expect(json.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(json.oosRecall).toBe(1);
  });

  it('prints a readable report with the threshold it used', async () => {
    const r = await run(['--train', trainPath, '--test', testPath, '--threshold', '0.3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/accuracy \(top-1, in scope\)\s+\d+\.\d+%/);
    expect(r.stdout).toContain('at threshold 0.3:');
    expect(r.stdout).toMatch(/out-of-scope recall/);
  });

  it('omits the out-of-scope keys when the test set has no oos rows', async () => {
    const only = join(dir, 'in-scope.csv');
    writeFileSync(only, csv([['where is my pizza', 'order_status']]));
    const json = JSON.parse((await run(['--train', trainPath, '--test', only, '--json'])).stdout) as object;
    expect(Object.keys(json)).not.toContain('oosRecall');
  });

  it('names a missing file and exits 1', async () => {
    const r = await run(['--train', join(dir, 'nope.csv'), '--test', testPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.csv');
    expect(r.stderr).toContain('does not exist');
  });

  it('names the file and line of bad CSV and exits 1', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'text,category\nfine,x\n"never closed,y\n');
    const r = await run(['--train', trainPath, '--test', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:3: unterminated quoted field`);
  });

  it('rejects bad usage with exit 2', async () => {
    expect((await run(['--train', trainPath])).code).toBe(2);
    expect((await run(['--train', trainPath, '--test', testPath, '--threshold', '2'])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
  });
});
