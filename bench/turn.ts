// Benchmark: the runtime's share of one durable banking turn, without HTTP or storage — `step` on
// banking-support with its trained classifier loaded from JSON (as the site server does), the
// message mix of bench/site.ts, 8 turns per conversation. Reports time and bytes allocated per turn,
// with classification alone measured in the same run for scale (docs/benchmarks.md, "Runtime turn").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { compileFlow, start, step, steppingClock, type CompiledFlow, type EngineHost, type StepResult } from '../runtime/index.ts';
import { loadClassifier, trainClassifier, type IntentClassifier, type SerializedClassifier } from '../runtime/nlu/index.ts';
import type { FlowDocument } from '../shared/index.ts';
import { isMain, percentile } from './measure.ts';
import { TEXTS } from './site-load.ts';

const TURNS_PER_CONVERSATION = 8;

/** banking-support compiled the way the site server does: the model trained, stored as JSON, loaded. */
function bankingFlow(): { flow: CompiledFlow; classifier: IntentClassifier } {
  const doc = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'flows', 'banking-support.json'), 'utf8')) as FlowDocument;
  const intents = doc.intents.map((i) => ({ name: i.name, examples: i.examples.filter((e) => e.trim()) })).filter((i) => i.examples.length > 0);
  const trained = trainClassifier(intents, { locale: doc.locale ?? 'en' });
  const classifier = loadClassifier(JSON.parse(JSON.stringify(trained.toJSON())) as SerializedClassifier);
  const compiled = compileFlow(doc, { version: 'bench', classifier });
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  return { flow: compiled.flow, classifier };
}

/** What a `measure` callback wraps: a conversation's start or one of its message turns. */
type Measured = 'start' | 'step';

/**
 * Runs `conversations` conversations of a start and 8 message turns; conversation c's turn i sends
 * TEXTS[(c + i) % 8], as worker c of bench/site.ts does. `measure` wraps every start and step.
 */
function converse(flow: CompiledFlow, host: EngineHost, conversations: number, measure: (what: Measured, run: () => void) => void): StepResult {
  let result!: StepResult;
  for (let c = 0; c < conversations; c++) {
    measure('start', () => (result = start(flow, { conversationId: `bench-${c}`, customer: { firstName: 'Bench' } }, host)));
    for (let i = 0; i < TURNS_PER_CONVERSATION; i++) {
      const event = { type: 'message' as const, text: TEXTS[(c + i) % TEXTS.length]! };
      measure('step', () => (result = step(flow, result.state, event, host)));
    }
  }
  return result;
}

/**
 * Mean bytes allocated per start and per step: the growth of the used heap across each call, over
 * the calls no garbage collection ran during (a GC shrinks the heap). Node 20 has no allocation
 * counter; the GC observer tells which calls to leave out.
 */
async function allocation(flow: CompiledFlow, host: EngineHost, conversations: number): Promise<Record<Measured, number> & { kept: number; calls: number; scavenges: number }> {
  const gcs: Array<[number, number]> = [];
  let scavenges = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcs.push([e.startTime, e.startTime + e.duration]);
      if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const used = (): number => getHeapStatistics().used_heap_size;
  // Reading the heap size allocates a little itself; subtracted from every call.
  const probes = Array.from({ length: 201 }, () => -used() + used()).sort((a, b) => a - b);
  const probeBytes = probes[100]!;
  const calls: Array<{ what: Measured; t0: number; t1: number; bytes: number }> = [];
  converse(flow, host, conversations, (what, run) => {
    const t0 = performance.now();
    const before = used();
    run();
    const after = used();
    calls.push({ what, t0, t1: performance.now(), bytes: after - before - probeBytes });
  });
  await new Promise((resolve) => setTimeout(resolve, 50)); // GC entries arrive asynchronously
  observer.disconnect();
  const clean = calls.filter((c) => c.bytes >= 0 && !gcs.some(([a, b]) => a <= c.t1 && b >= c.t0));
  const meanOf = (what: Measured) => {
    const bytes = clean.filter((c) => c.what === what).map((c) => c.bytes);
    return bytes.reduce((s, b) => s + b, 0) / bytes.length;
  };
  return { start: meanOf('start'), step: meanOf('step'), kept: clean.length, calls: calls.length, scavenges };
}

/** Rounds of timing; the fastest round's mean is the figure least disturbed by other work on the machine. */
const ROUNDS = 8;
const CONVERSATIONS_PER_ROUND = 400;

export async function benchTurn(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const { flow, classifier } = bankingFlow();
  const setupMs = performance.now() - t0;
  const host: EngineHost = { clock: steppingClock() };
  const untimed = (_: Measured, run: () => void) => run();
  converse(flow, host, 2000, untimed); // warm-up

  const times: Record<Measured, number[]> = { start: [], step: [] };
  const roundMeans: number[] = [];
  let last!: StepResult;
  for (let round = 0; round < ROUNDS; round++) {
    const from = times.step.length;
    last = converse(flow, host, CONVERSATIONS_PER_ROUND, (what, run) => {
      const a = performance.now();
      run();
      times[what].push(performance.now() - a);
    });
    roundMeans.push(mean(times.step.slice(from)));
  }

  // Classification alone, the same texts as often, for scale.
  const classifyRounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const a = performance.now();
    for (let c = 0; c < CONVERSATIONS_PER_ROUND; c++) for (const text of TEXTS) classifier.classify(text);
    classifyRounds.push((performance.now() - a) / (CONVERSATIONS_PER_ROUND * TEXTS.length));
  }

  const bytes = await allocation(flow, host, 4000);

  const us = (ms: number) => Number((ms * 1000).toFixed(1));
  const steps = [...times.step].sort((a, b) => a - b);
  const bestStep = Math.min(...roundMeans);
  const bestClassify = Math.min(...classifyRounds);
  return {
    flow: flow.doc.id,
    intents: flow.doc.intents.length,
    rules: flow.rules.length,
    setupMs: Math.round(setupMs),
    turns: steps.length,
    stepMeanUs: us(mean(steps)),
    /** The mean of the fastest of 8 rounds (3,200 turns each). */
    stepBestRoundUs: us(bestStep),
    stepP50Us: us(percentile(steps, 0.5)),
    stepP99Us: us(percentile(steps, 0.99)),
    startMeanUs: us(mean(times.start)),
    classifyBestRoundUs: us(bestClassify),
    /** The engine's own time per turn besides classifying the message (fastest rounds). */
    stepBesidesClassifyUs: us(bestStep - bestClassify),
    bytesPerStep: Math.round(bytes.step),
    bytesPerStart: Math.round(bytes.start),
    /** Young-generation collections while 4,000 conversations (32,000 turns) ran, per 10,000 turns. */
    scavengesPer10kTurns: Number(((bytes.scavenges / (4000 * TURNS_PER_CONVERSATION)) * 10_000).toFixed(1)),
    allocationCalls: { kept: bytes.kept, of: bytes.calls },
    lastTurn: { status: last.state.status, nodes: last.trace.nodes.map((n) => `${n.id}:${n.port}`) },
  };
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

if (isMain(import.meta.url)) console.log(JSON.stringify(await benchTurn(), null, 2));
