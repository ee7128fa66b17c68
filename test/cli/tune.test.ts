// `switchboard tune`: the threshold table over labelled messages and the chosen threshold.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { CliIo } from '../../cli/io.ts';
import { chooseThreshold, type SweepRow } from '../../runtime/evaluation/threshold-sweep.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'switchboard-tune-'));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false };
  return { code: await main(argv, io), stdout: () => stdout, stderr: () => stderr };
}

const labelled = [
  'text,category',
  'how long until I get my money back,refund_status',
  'has my parcel shipped yet,order_status',
  'hello there,greeting',
  'what is the capital of peru,oos',
  'recommend a good pizza place,oos',
].join('\n');

describe('tune', () => {
  it('prints a row per threshold and writes a chart', async () => {
    const csv = join(dir, 'labelled.csv');
    writeFileSync(csv, labelled);
    const chart = join(dir, 'chart.svg');
    const result = await run('tune', join(root, 'flows', 'returns.json'), '--labelled', csv, '--chart', chart, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout());
    expect(report.counts).toEqual({ answer: 3, escalate: 0, oos: 2 });
    expect(report.rows).toHaveLength(15);
    expect(report.rows[0]).toEqual(
      expect.objectContaining({ threshold: 0.2, answerContainment: expect.any(Number), correctAnswerRate: expect.any(Number), oosFalseAnswers: expect.any(Number) }),
    );
    expect(readFileSync(chart, 'utf8')).toMatch(/^<svg[\s\S]*correct answers[\s\S]*<\/svg>\n$/);
  });

  it('names categories that are not intents of the flow, with their line', async () => {
    const csv = join(dir, 'wrong.csv');
    writeFileSync(csv, 'text,category\nhi,greeting\nhow do I fly,flight_booking\n');
    const result = await run('tune', join(root, 'flows', 'returns.json'), '--labelled', csv);
    expect(result.code).toBe(1);
    expect(result.stderr()).toMatch(/"flight_booking" \(line 3\)/);
  });

  it('rejects a target that is not a fraction', async () => {
    const result = await run('tune', join(root, 'flows', 'returns.json'), '--labelled', 'x.csv', '--min-escalation-recall', '98');
    expect(result.code).toBe(2);
  });
});

describe('chooseThreshold', () => {
  const row = (threshold: number, correctAnswerRate: number, escalationRecall: number, oosFalseAnswers: number): SweepRow => ({
    threshold,
    correctAnswerRate,
    escalationRecall,
    oosFalseAnswers,
    answerContainment: 1,
    unnecessaryEscalations: 0,
    oosEscalations: 0,
  });
  const rows = [row(0.4, 0.9, 0.95, 0.1), row(0.5, 0.88, 0.97, 0.06), row(0.6, 0.85, 0.98, 0.04), row(0.7, 0.8, 0.99, 0.03)];

  it('picks the most correct answers among thresholds that meet every target', () => {
    expect(chooseThreshold(rows, { minEscalationRecall: 0.97 })?.threshold).toBe(0.5);
    expect(chooseThreshold(rows, { minEscalationRecall: 0.97, maxOosFalseAnswers: 0.05 })?.threshold).toBe(0.6);
    expect(chooseThreshold(rows, { minEscalationRecall: 0.999 })).toBeNull();
  });
});
