// Every flow in flows/ is replayed against its scripted conversations (test/golden/<flow>.jsonl).
// Each conversation states what must hold (status, queue, reasons, intents); the full replay is
// also compared with a recorded golden file, so any change in wording or routing shows up. A flow
// naming a knowledge base gets flows/knowledge/<id>.json, as the CLI loads it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeIndex, compileFlow, replayConversation, steppingClock, type KnowledgeIndex } from '../../runtime/index.ts';
import { parseKnowledgeBase } from '../../shared/index.ts';

const root = join(import.meta.dirname, '..', '..');
const flowFiles = readdirSync(join(root, 'flows')).filter((f) => f.endsWith('.json'));

interface Script {
  id: string;
  messages: string[];
  customer?: Record<string, string>;
  channel?: string;
  expect: { status: string; queue?: string; reasons?: string[]; intents?: Array<string | null> };
}

describe.each(flowFiles)('golden conversations of flows/%s', (file) => {
  const id = file.replace(/\.json$/, '');
  const scriptFile = join(root, 'test', 'golden', `${id}.jsonl`);

  it('has scripted conversations', () => {
    expect(existsSync(scriptFile), `add ${scriptFile}`).toBe(true);
  });
  if (!existsSync(scriptFile)) return;

  const doc: unknown = JSON.parse(readFileSync(join(root, 'flows', file), 'utf8'));
  const compiled = compileFlow(doc, { ...knowledgeOf(doc) });
  if (!compiled.ok) throw new Error(`${file} does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`);
  const scripts: Script[] = readFileSync(scriptFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const replays = scripts.map((s) => ({
    script: s,
    replay: replayConversation(compiled.flow, s.messages, { conversationId: s.id, channel: s.channel ?? 'test', customer: s.customer ?? {} }, { clock: steppingClock() }),
  }));

  it.each(replays.map((r) => [r.script.id, r] as const))('%s', (_, { script, replay }) => {
    const last = replay.turns[replay.turns.length - 1]!;
    expect(replay.state.status).toBe(script.expect.status);
    if (script.expect.queue) expect(replay.state.handoff?.queue).toBe(script.expect.queue);
    if (script.expect.reasons) expect(replay.state.handoff?.reasons.map((r) => r.reason)).toEqual(script.expect.reasons);
    if (script.expect.intents) expect(replay.turns.map((t) => t.intent)).toEqual(script.expect.intents);
    expect(last.status).toBe(script.expect.status);
  });

  it('matches the recorded replay', async () => {
    const text = replays
      .map(({ script, replay }) => {
        // Confidences rounded so the recording shows decisions, not floating-point noise.
        const turns = replay.turns.map(({ traces: _t, ...turn }) => ({ ...turn, confidence: turn.confidence === null ? null : Math.round(turn.confidence * 1000) / 1000 }));
        return JSON.stringify({ id: script.id, opening: replay.opening, turns });
      })
      .join('\n');
    await expect(`${text}\n`).toMatchFileSnapshot(join(root, 'test', 'golden', 'recorded', `${id}.replay.jsonl`));
  });
});

/** The flow's knowledge base from flows/knowledge/<id>.json, indexed; nothing for flows without one. */
function knowledgeOf(doc: unknown): { knowledge?: KnowledgeIndex } {
  const base = (doc as { knowledge?: { base?: unknown } }).knowledge?.base;
  if (typeof base !== 'string') return {};
  const parsed = parseKnowledgeBase(JSON.parse(readFileSync(join(root, 'flows', 'knowledge', `${base}.json`), 'utf8')));
  if (!parsed.ok) throw new Error(`flows/knowledge/${base}.json: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return { knowledge: buildKnowledgeIndex(parsed.kb) };
}
