// `switchboard replay --against`: the candidate/baseline report a reviewer reads, text and JSON.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { CliIo } from '../../cli/io.ts';
import { replayReportSchema } from '../../shared/index.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'switchboard-replay-against-'));
const baseline = join(root, 'flows', 'returns.json');

// The candidate drops the chargeback rule: a customer threatening a chargeback is no longer handed over.
const candidate = join(dir, 'returns-without-chargeback.json');
const doc = JSON.parse(readFileSync(baseline, 'utf8')) as { escalation: { rules: Array<{ id: string }> } };
doc.escalation.rules = doc.escalation.rules.filter((r) => r.id !== 'chargeback');
writeFileSync(candidate, JSON.stringify(doc));

const conversations = join(dir, 'conversations.jsonl');
writeFileSync(
  conversations,
  [
    { id: 'cb', messages: ['I will file a chargeback with my bank'], label: { shouldEscalate: true } },
    { id: 'happy', messages: ['I want to return my shoes', 'AB123456', '1', 'about $80', '5'], customer: { firstName: 'Ada' }, label: { shouldEscalate: false, expectedIntent: 'start_return' } },
  ]
    .map((c) => JSON.stringify(c))
    .join('\n'),
);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('replay --against', () => {
  it('prints rates before → after, the rule that fires less and the conversation that no longer escalates', async () => {
    const r = await run('replay', candidate, conversations, '--against', baseline);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Replayed 2 conversations');
    expect(r.stdout).toMatch(/escalation\s+50\.0%\s+0\.0%\s+−50\.0 pts/);
    expect(r.stdout).toMatch(/chargeback\s+1 → 0\s+fires less \(removed\)/);
    expect(r.stdout).toContain('cb: no longer escalates');
    expect(r.stdout).toContain('before: handed over on message 1 to payments/urgent (chargeback_threat)');
    expect(r.stdout).toMatch(/escalation recall\s+100\.0%\s+0\.0%/);
  });

  it('--json prints the report in the shared schema', async () => {
    const r = await run('replay', candidate, conversations, '--against', baseline, '--json');
    expect(r.code).toBe(0);
    const report = replayReportSchema.parse(JSON.parse(r.stdout));
    expect(report.changes).toMatchObject({ no_longer_escalates: 1, unchanged: 1 });
    expect(report.items.find((i) => i.id === 'cb')).toMatchObject({ change: 'no_longer_escalates', baseline: { queue: 'payments' }, candidate: { escalated: false } });
    expect(report.accuracy?.candidate.escalationRecall).toBe(0);
  });

  it('a baseline that does not exist is an error naming the file', async () => {
    const r = await run('replay', candidate, conversations, '--against', join(dir, 'nope.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.json');
    expect(r.stdout).toBe('');
  });
});
