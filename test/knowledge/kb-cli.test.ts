// The knowledge CLI as a user runs it: `kb import` (all or nothing), `kb export` in three formats,
// `kb-eval`, and flows that name a knowledge base in validate and replay.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { CliIo } from '../../cli/io.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'switchboard-kb-'));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function helpFolder(name: string, files: Record<string, string>): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  return folder;
}

const goodFolder = () =>
  helpFolder('help-centre', {
    'cards/card-delivery.md': '---\ntitle: When will my card arrive?\nurl: https://x.test/delivery\ntags: [cards, delivery]\n---\nCards arrive within 5 working days.\n',
    'cards/change-pin.md': '# How do I change my PIN?\n\nAt any cash machine, or in the app under **Cards**.\n',
    'transfers.md': '---\nid: transfer-time\n---\n# How long does a transfer take?\n\nMinutes at home, 1–3 days abroad.\n',
    'notes.txt': 'ignored: not Markdown',
  });

describe('kb import', () => {
  it('imports a folder of Markdown files into a knowledge-base document', async () => {
    const out = join(dir, 'help.json');
    const result = await run('kb', 'import', goodFolder(), '--out', out, '--name', 'Help centre');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`${out}: 3 articles (knowledge base "help-centre")\n`);
    const kb = JSON.parse(readFileSync(out, 'utf8'));
    expect(kb).toMatchObject({ schemaVersion: 1, id: 'help-centre', name: 'Help centre', locale: 'en' });
    expect(kb.articles.map((a: { id: string }) => a.id)).toEqual(['card-delivery', 'change-pin', 'transfer-time']);
  });

  it('imports CSV with --id', async () => {
    const csv = join(dir, 'faq.csv');
    writeFileSync(csv, 'question,answer,tags\nWhere is my card?,Five days.,cards|delivery\n');
    const out = join(dir, 'faq.json');
    expect((await run('kb', 'import', csv, '--out', out, '--id', 'faq')).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ id: 'faq', name: 'Faq', articles: [{ id: 'where-is-my-card', tags: ['cards', 'delivery'] }] });
  });

  it('reports every bad file and writes nothing', async () => {
    const folder = helpFolder('broken', {
      'ok.md': '# Fine\n\nYes.',
      'no-title.md': 'No heading here.',
      'bad-front.md': '---\ntitle: x\ncolour: red\n---\nBody',
      'dup.md': '---\nid: ok\n---\n# Duplicate id',
    });
    const out = join(dir, 'broken.json');
    const result = await run('kb', 'import', folder, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(folder, 'no-title.md')}: no title`);
    expect(result.stderr).toContain(`${join(folder, 'bad-front.md')}:3: unknown front matter key "colour"`);
    expect(result.stderr).toContain(`${join(folder, 'ok.md')}: the article id "ok" is also used by dup.md`);
    expect(result.stderr).toMatch(/3 problems; nothing was written\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('reports bad CSV rows and a bad JSON document at their line and path, and keeps an existing output', async () => {
    const out = join(dir, 'keep.json');
    writeFileSync(out, 'previous');
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'question,answer\nGood?,Yes.\n,Missing question.\n');
    const bad = await run('kb', 'import', csv, '--out', out);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${csv}:3: the question is empty`);
    const json = join(dir, 'bad-kb.json');
    writeFileSync(json, JSON.stringify({ schemaVersion: 1, id: 'x', name: 'X', articles: [{ id: 'a', title: '', body: 'b' }, { id: 'a', title: 'T', body: 'b', extra: 1 }] }));
    const badJson = await run('kb', 'import', json, '--out', out);
    expect(badJson.code).toBe(1);
    expect(badJson.stderr).toContain(`${json}: articles[0].title:`);
    expect(badJson.stderr).toContain(`${json}: articles[1].extra:`);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect((await run('kb', 'import', join(dir, 'missing'), '--out', out)).stderr).toMatch(/does not exist/);
  });

  it('explains bad usage', async () => {
    expect((await run('kb', 'import', goodFolder())).code).toBe(2);
    expect((await run('kb', 'frobnicate')).stderr).toMatch(/unknown kb command "frobnicate"/);
    expect((await run('kb', 'export', join(dir, 'help.json'), '--format', 'pdf', '--out', 'x')).stderr).toMatch(/--format must be one of json, csv, markdown, not "pdf"/);
  });
});

describe('kb export', () => {
  it('exports JSON, CSV and Markdown that import back to the same articles', async () => {
    const source = join(dir, 'source.json');
    expect((await run('kb', 'import', goodFolder(), '--out', source)).code).toBe(0);
    const original = JSON.parse(readFileSync(source, 'utf8'));

    const csv = join(dir, 'export.csv');
    expect((await run('kb', 'export', source, '--format', 'csv', '--out', csv)).stdout).toBe(`${csv}: 3 articles as csv\n`);
    const md = join(dir, 'export-md');
    expect((await run('kb', 'export', source, '--format', 'markdown', '--out', md)).code).toBe(0);
    expect(readdirSync(md).sort()).toEqual(['card-delivery.md', 'change-pin.md', 'transfer-time.md']);
    const json = join(dir, 'export.json');
    expect((await run('kb', 'export', source, '--format', 'json', '--out', json)).code).toBe(0);

    for (const [from, id] of [[csv, 'export'], [md, 'export-md'], [json, 'help-centre']] as const) {
      const back = join(dir, `back-${id}.json`);
      expect((await run('kb', 'import', from, '--out', back, '--id', 'help-centre')).code).toBe(0);
      expect(JSON.parse(readFileSync(back, 'utf8')).articles).toEqual(original.articles);
    }
  });

  it('refuses to write Markdown into a folder that has files', async () => {
    const source = join(dir, 'help.json');
    expect((await run('kb', 'import', goodFolder(), '--out', source)).code).toBe(0);
    const result = await run('kb', 'export', source, '--format', 'markdown', '--out', goodFolder());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already exists and is not an empty folder/);
  });
});

describe('kb-eval', () => {
  const questions = () => {
    const file = join(dir, 'questions.csv');
    writeFileSync(file, 'text,article\nwhen does my card arrive,card-delivery\nchange my pin,change-pin\nhow long do transfers take,transfer-time\nwhat is the weather,none\n');
    return file;
  };

  it('prints hit rates, outcomes at the threshold, a threshold table and latency', async () => {
    const result = await run('kb-eval', '--kb', goodFolder(), '--test', questions(), '--threshold', '0.3');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^3 articles indexed in \d+ ms; 3 questions with an article, 1 that should be declined\n/);
    expect(result.stdout).toMatch(/top-1 hit rate +100\.0%/);
    expect(result.stdout).toMatch(/at threshold 0\.3:\n {2}answered right +[\d.]+%\n {2}answered wrong +[\d.]+%\n {2}declined +[\d.]+%\n {2}should-decline answered +0\.0%/);
    expect(result.stdout).toMatch(/search p50 \/ p99 +[\d.]+ ms \/ [\d.]+ ms/);
    expect(result.stdout).toMatch(/threshold +right +wrong +declined/);
  });

  it('prints the figures as JSON with --json', async () => {
    const result = await run('kb-eval', '--kb', goodFolder(), '--test', questions(), '--json');
    const figures = JSON.parse(result.stdout);
    expect(figures).toMatchObject({ articles: 3, questions: 4, answerable: 3, unanswerable: 1, top1: 1, top3: 1, atThreshold: { threshold: 0.35 } });
    expect(figures.atThreshold.right + figures.atThreshold.wrong + figures.atThreshold.declined).toBeCloseTo(1, 6);
    expect(figures.thresholds).toHaveLength(9);
    expect(typeof figures.p99Ms).toBe('number');
  });

  it('rejects test rows naming articles the knowledge base does not have', async () => {
    const file = join(dir, 'typo.csv');
    writeFileSync(file, 'text,article\nwhere is my card,card-delivry\n');
    const result = await run('kb-eval', '--kb', goodFolder(), '--test', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:2: no article "card-delivry"`);
  });

  it('explains bad usage', async () => {
    expect((await run('kb-eval', '--kb', goodFolder())).code).toBe(2);
    expect((await run('kb-eval', '--kb', goodFolder(), '--test', questions(), '--threshold', '2')).stderr).toMatch(/--threshold must be a number from 0 to 1/);
  });
});

describe('flows that name a knowledge base', () => {
  it('validate and replay load flows/knowledge/<id>.json', async () => {
    expect(await run('validate', join(root, 'flows', 'banking-help.json'))).toMatchObject({ code: 0, stdout: '' });
    const conversations = join(dir, 'conv.jsonl');
    writeFileSync(conversations, `${JSON.stringify({ id: 'pin', messages: ['how do I change my PIN?'] })}\n`);
    const replay = await run('replay', join(root, 'flows', 'banking-help.json'), conversations, '--json');
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout).turns[0].bot[0]).toMatch(/^You can change your PIN at any ATM/);
  });

  it('report a knowledge base that cannot be found', async () => {
    const flows = join(dir, 'flows');
    mkdirSync(flows, { recursive: true });
    const flow = JSON.parse(readFileSync(join(root, 'flows', 'banking-help.json'), 'utf8'));
    const file = join(flows, 'orphan.json');
    writeFileSync(file, JSON.stringify({ ...flow, knowledge: { base: 'nowhere' } }));
    const validate = await run('validate', file);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(`${file}: knowledge.base: The knowledge base cannot be loaded: ${join(flows, 'knowledge', 'nowhere.json')}: knowledge base "nowhere": the file or folder does not exist`);
    const replay = await run('replay', file, join(dir, 'conv.jsonl'));
    expect(replay.code).toBe(1);
    expect(replay.stderr).toMatch(/knowledge base "nowhere": the file or folder does not exist/);
  });
});
