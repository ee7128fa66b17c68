// Benchmark: replay before publish. 500 stored-like conversations (the golden "returns" scripts,
// repeated) through a candidate without the chargeback rule and the baseline, with the
// comparison, against the same replays without it (two plain replayConversation passes).
import { readFileSync } from 'node:fs';
import { compileFlow, replayConversation, steppingClock, type CompiledFlow } from '../runtime/index.ts';
import { compareVersions, type ReplayCase } from '../runtime/evaluation/compare-versions.ts';
import type { FlowDocumentInput } from '../shared/index.ts';
import { isMain } from './measure.ts';

const CONVERSATIONS = 500;
const ROUNDS = 5;

function compile(doc: FlowDocumentInput, classifier?: CompiledFlow['classifier']): CompiledFlow {
  const compiled = compileFlow(doc, classifier ? { classifier } : {});
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  return compiled.flow;
}

export async function benchReplay(): Promise<Record<string, unknown>> {
  const doc = JSON.parse(readFileSync('flows/returns.json', 'utf8')) as FlowDocumentInput & { escalation: { rules: Array<{ id: string }> } };
  const baseline = compile(doc);
  // Same intents, so the trained model is shared: the benchmark measures replaying, not training.
  const candidate = compile({ ...doc, escalation: { rules: doc.escalation.rules.filter((r) => r.id !== 'chargeback') } } as FlowDocumentInput, baseline.classifier);
  const scripts = readFileSync('test/golden/returns.jsonl', 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { messages: string[]; customer?: Record<string, never> });
  const cases: ReplayCase[] = Array.from({ length: CONVERSATIONS }, (_, i) => {
    const s = scripts[i % scripts.length]!;
    return { id: `c${i}`, messages: s.messages, customer: s.customer ?? {} };
  });
  const messages = cases.reduce((n, c) => n + c.messages.length, 0);

  const plain = () => {
    for (const flow of [baseline, candidate]) {
      for (const c of cases) replayConversation(flow, c.messages, { conversationId: c.id, channel: 'replay', customer: c.customer ?? {} }, { clock: steppingClock() });
    }
  };
  const compared = () => compareVersions(candidate, baseline, cases);
  plain();
  compared();
  const best = (fn: () => unknown) => {
    let min = Infinity;
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      fn();
      min = Math.min(min, performance.now() - t0);
    }
    return Math.round(min * 10) / 10;
  };
  const plainMs = best(plain);
  const compareMs = best(compared);
  const overhead = Math.round((compareMs / plainMs) * 100) / 100;
  const report = compared();
  return {
    conversations: CONVERSATIONS,
    customerMessages: messages,
    changed: CONVERSATIONS - report.changes.unchanged,
    plainTwoReplaysMs: plainMs,
    compareMs,
    msPerConversation: Math.round((compareMs / CONVERSATIONS) * 1000) / 1000,
    overheadRatio: overhead,
    target: 'comparison within 1.5× of two plain replays; 500 conversations well inside the server budget of 20 s',
    meetsTarget: overhead <= 1.5 && compareMs < 20_000,
  };
}

if (isMain(import.meta.url)) console.log(JSON.stringify(await benchReplay(), null, 2));
