// The CLI as a user runs it: exit codes, the documented line formats, streaming replay output.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { CliIo } from '../../cli/io.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-'));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('validate', () => {
  it('passes the example flows', async () => {
    const result = await run('validate', join(root, 'flows', 'returns.json'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('prints <file>: <json path>: <message> per problem and exits 1', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        id: 'broken',
        name: 'Broken',
        nodes: [
          { id: 's', type: 'start', data: {} },
          { id: 'm', type: 'message', data: { text: 'Hi {{vars.nope}}' } },
        ],
        edges: [{ id: 'e', source: 's', target: 'ghost' }],
      }),
    );
    const result = await run('validate', file);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(`${file}: edges[0].target: Connection e leads to node "ghost", which does not exist.`);
    expect(lines.some((l) => l.startsWith(`${file}: nodes[1].data.text: Node m (message) reads the variable "nope"`))).toBe(true);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S+: .+`));
  });

  it('reports bad JSON with line and column, and a missing file', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{\n  "schemaVersion": 1,\n  "id": \n}');
    const bad = await run('validate', file, join(dir, 'missing.json'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/bad\.json: \$: The file is not valid JSON at line 4, column 1/);
    expect(bad.stdout).toMatch(/missing\.json: \$: Cannot read the flow: the file does not exist\./);
  });

  it('has a --json form', async () => {
    const result = await run('validate', '--json', join(root, 'flows', 'returns.json'));
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, files: [{ valid: true, problems: [] }] });
  });
});

describe('rule', () => {
  it('evaluates with the compiled evaluator', async () => {
    const result = await run('rule', '{">":[{"var":"vars.amount"},10000]}', '--data', '{"vars":{"amount":12000}}');
    expect(result).toMatchObject({ code: 0, stdout: 'true\n' });
    expect((await run('rule', '{"/":[1,0]}')).stdout).toBe('null\n');
  });

  it('exits 1 naming the problem for an invalid rule', async () => {
    const result = await run('rule', '{"frobnicate":[1]}');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/frobnicate/);
    expect((await run('rule', '{not json')).code).toBe(1);
  });
});

describe('replay', () => {
  it('writes the documented JSON line per conversation', async () => {
    const file = join(dir, 'conversations.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', messages: ['how long do refunds take', '5'] }),
        '',
        JSON.stringify({ id: 'b', messages: ['my item arrived broken'], customer: { tier: 'vip' }, channel: 'web' }),
      ].join('\n'),
    );
    const result = await run('replay', join(root, 'flows', 'returns.json'), file, '--json');
    expect(result.code).toBe(0);
    const [a, b] = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(Object.keys(a.turns[0]).sort()).toEqual(['bot', 'confidence', 'handoff', 'intent', 'status', 'user']);
    expect(a.turns[0]).toMatchObject({ user: 'how long do refunds take', status: 'active', intent: 'refund_status', handoff: null });
    expect(a.turns[1]).toMatchObject({ status: 'ended', intent: null, confidence: null });
    expect(b).toMatchObject({ id: 'b', turns: [{ status: 'escalated', handoff: { queue: 'vip_care', priority: 'high', reasons: ['vip_damaged_goods'] } }] });
  });

  it('skips malformed lines with their line number and exits 1', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'ok', messages: ['hi'] })}\n{"id": 3}\nnot json\n`);
    const result = await run('replay', join(root, 'flows', 'returns.json'), file, '--json');
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/bad\.jsonl:2: skipped: messages/);
    expect(result.stderr).toMatch(/bad\.jsonl:3: skipped/);
  });
});

describe('npx switchboard', () => {
  it('runs from the repository root through the package bin', async () => {
    const { stdout } = await promisify(execFile)('npx', ['switchboard', 'rule', '{"+":[1,2]}'], { cwd: root });
    expect(stdout).toBe('3\n');
  });

  it('chats on standard input', async () => {
    const child = promisify(execFile)('node', [join(root, 'bin', 'switchboard.js'), 'chat', join(root, 'flows', 'returns.json')], { cwd: root });
    child.child.stdin!.end('how long do refunds take\n5\n');
    const { stdout } = await child;
    expect(stdout).toMatch(/bot> Refunds go back to your original payment method/);
    expect(stdout).toMatch(/intent refund_status/);
    expect(stdout).toMatch(/\(conversation ended: resolved\)/);
  });
});
