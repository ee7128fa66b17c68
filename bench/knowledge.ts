// Knowledge benchmark: index 10,000 articles generated from real support sentences, answer latency (the search an answer node
// runs, and a whole engine turn through one), stored index size and load time. Prints JSON;
// run standalone with `npx tsx bench/knowledge.ts`.
import { buildKnowledgeIndex, loadKnowledgeIndex, type SerializedKnowledgeIndex } from '../runtime/knowledge/index.ts';
import { compileFlow, start, step, steppingClock, type StepResult } from '../runtime/index.ts';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseLabelledCsv } from '../runtime/nlu/csv.ts';
import { createPrng } from '../runtime/nlu/prng.ts';
import { bankingAnswers } from '../scripts/banking/answers.ts';
import { banking77Split } from '../scripts/split-banking77.ts';
import { sharedDataDir } from '../scripts/shared-data.ts';
import type { KnowledgeArticle } from '../shared/index.ts';
import { isMain, percentile } from './measure.ts';

const ARTICLES = 10_000;
const QUERIES = 3_000;

/**
 * Real customer-support sentences: BANKING77 queries of the training split (the development split
 * stays unseen, so docs/knowledge.md can hide the help centre among these articles and measure it),
 * CLINC150 out-of-scope queries and the written answers.
 */
function sentencePool(): string[] {
  const read = (path: string): string[] => {
    const parsed = parseLabelledCsv(readFileSync(path, 'utf8'));
    if (!parsed.ok) throw new Error(`${path}:${parsed.problem.line}: ${parsed.problem.message}`);
    return parsed.rows.map((r) => r.text.trim()).filter(Boolean);
  };
  return [...banking77Split().train.map((r) => r.text.trim()), ...read(join(sharedDataDir(), 'clinc150', 'out-of-scope-dev.csv')), ...Object.values(bankingAnswers)];
}

/**
 * `count` articles composed of real sentences, so vocabulary and word frequencies are those of
 * support text (a banking help centre: "card" is in a third of them). Deterministic (seeded).
 */
export function generatedArticles(count: number, seed = 7): KnowledgeArticle[] {
  const random = createPrng(seed);
  const pool = sentencePool();
  const pick = (): string => pool[Math.floor(random() * pool.length)]!;
  const sentence = (): string => {
    const s = pick();
    return `${s[0]!.toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;
  };
  return Array.from({ length: count }, (_, i) => {
    const title = sentence();
    const words = title.toLowerCase().match(/[a-z]{4,}/g) ?? ['help'];
    return {
      id: `article-${i}`,
      title,
      body:
        Array.from({ length: 2 + Math.floor(random() * 3) }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, sentence).join(' ')).join('\n\n') +
        `\n\n- **${words[0]}**: see [${sentence()}](https://example.com/${i})\n`,
      url: `https://help.example.com/articles/${i}`,
      tags: [...new Set(Array.from({ length: 2 + Math.floor(random() * 2) }, () => words[Math.floor(random() * words.length)]!))],
    };
  });
}

/** Questions as customers type them: real queries, half with a typo. */
export function benchQueries(count: number, seed = 11): string[] {
  const random = createPrng(seed);
  const pool = sentencePool();
  return Array.from({ length: count }, (_, i) => {
    const q = pool[Math.floor(random() * pool.length)]!;
    if (i % 2 === 0) return q;
    const k = Math.floor(random() * q.length);
    return q.slice(0, k) + q.slice(k + 1);
  });
}

export async function benchKnowledge(): Promise<Record<string, unknown>> {
  const articles = generatedArticles(ARTICLES);
  const t0 = performance.now();
  const index = buildKnowledgeIndex({ id: 'bench', locale: 'en', articles });
  const indexMs = performance.now() - t0;

  const s0 = performance.now();
  const json = JSON.stringify(index.toJSON());
  const serialiseMs = performance.now() - s0;
  const loadTimes: number[] = [];
  let loaded = index;
  for (let i = 0; i < 3; i++) {
    const a = performance.now();
    loaded = loadKnowledgeIndex(JSON.parse(json) as SerializedKnowledgeIndex);
    loadTimes.push(performance.now() - a);
  }
  loadTimes.sort((a, b) => a - b);

  const texts = benchQueries(QUERIES);
  for (const text of texts.slice(0, 500)) loaded.search(text, { limit: 3 });
  // Each search once as a customer sends it (GC and other processes included), then four more
  // times: the fastest of the five is the search's own cost, apart from machine noise. An answer
  // reads the best hit's extract (extracts are computed on first read); the baseline in the same
  // run reads all three, as every search did before extracts were lazy.
  const times: number[] = [];
  const bestOf5: number[] = [];
  const bestOf5AllExtracts: number[] = [];
  for (const text of texts) {
    let best = Infinity;
    let bestAll = Infinity;
    for (let k = 0; k < 5; k++) {
      const a = performance.now();
      void loaded.search(text, { limit: 3 })[0]?.extract;
      const t = performance.now() - a;
      if (k === 0) times.push(t);
      best = Math.min(best, t);
      const b = performance.now();
      for (const hit of loaded.search(text, { limit: 3 })) void hit.extract;
      bestAll = Math.min(bestAll, performance.now() - b);
    }
    bestOf5.push(best);
    bestOf5AllExtracts.push(bestAll);
  }
  times.sort((a, b) => a - b);
  bestOf5.sort((a, b) => a - b);
  bestOf5AllExtracts.sort((a, b) => a - b);
  const sameAfterLoad = texts.slice(0, 200).every((t) => JSON.stringify(index.search(t)) === JSON.stringify(loaded.search(t)));

  const long = `${texts[0]} `.repeat(400).slice(0, 10_000);
  const longTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const a = performance.now();
    loaded.search(long);
    longTimes.push(performance.now() - a);
  }
  longTimes.sort((a, b) => a - b);

  return {
    articles: ARTICLES,
    indexMs: Math.round(indexMs),
    targetIndexMs: 5000,
    searches: times.length,
    searchP50Ms: percentile(times, 0.5),
    searchP99Ms: percentile(times, 0.99),
    searchBestOf5P50Ms: percentile(bestOf5, 0.5),
    searchBestOf5P99Ms: percentile(bestOf5, 0.99),
    searchAllExtractsBestOf5P50Ms: percentile(bestOf5AllExtracts, 0.5),
    searchAllExtractsBestOf5P99Ms: percentile(bestOf5AllExtracts, 0.99),
    targetSearchP99Ms: 2,
    answerTurnP99Ms: answerTurnP99(loaded, texts),
    search10kCharsP50Ms: percentile(longTimes, 0.5),
    indexJsonBytes: json.length,
    serialiseMs: Math.round(serialiseMs),
    loadMsMedian: Math.round(loadTimes[1]!),
    sameRankingsAfterLoad: sameAfterLoad,
    vocabulary: Object.keys(index.toJSON().documentFrequency).length,
    loadAverage: Number(loadavg()[0]!.toFixed(2)),
    cpus: availableParallelism(),
  };
}

/** A whole engine turn: an Ask node takes the question, an Answer node answers it, the flow asks again. */
function answerTurnP99(knowledge: ReturnType<typeof loadKnowledgeIndex>, texts: readonly string[]): number {
  const compiled = compileFlow(
    {
      schemaVersion: 1,
      id: 'bench-answer',
      name: 'Bench answer',
      nodes: [
        { id: 'start', type: 'start', data: {} },
        { id: 'ask', type: 'ask', data: { prompt: 'Your question?', variable: 'question', valueType: 'text' } },
        { id: 'answer', type: 'answer', data: { threshold: 0.35, template: '{{kb.title}}: {{kb.extract}} {{kb.url}}' } },
        { id: 'sorry', type: 'message', data: { text: 'No article for that.' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'ask' },
        { id: 'e2', source: 'ask', target: 'answer' },
        { id: 'e3', source: 'answer', sourceHandle: 'answered', target: 'ask' },
        { id: 'e4', source: 'answer', sourceHandle: 'no_answer', target: 'sorry' },
        { id: 'e5', source: 'sorry', target: 'ask' },
      ],
    },
    { knowledge: knowledge },
  );
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  const host = { clock: steppingClock() };
  let result: StepResult = start(compiled.flow, { conversationId: 'bench' }, host);
  const times: number[] = [];
  texts.forEach((text, i) => {
    if (result.state.transcript.length > 100) result = start(compiled.flow, { conversationId: 'bench' }, host);
    const a = performance.now();
    result = step(compiled.flow, result.state, { type: 'message', text }, host);
    if (i >= 300) times.push(performance.now() - a);
  });
  times.sort((a, b) => a - b);
  return percentile(times, 0.99);
}

if (isMain(import.meta.url)) console.log(JSON.stringify(await benchKnowledge(), null, 2));
