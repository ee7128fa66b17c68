// Measures a knowledge base on labelled questions: does the right article come first (top-1) or
// among three (top-3), and at a score threshold how often the answer node would answer right,
// answer wrong, or decline. Pure: the caller passes the clock used for latency.
import type { KnowledgeBase } from './knowledge-base.ts';

/** A labelled question; `article` null means no article should answer it (it should be declined). */
export interface LabelledQuestion {
  text: string;
  article: string | null;
}

/** Outcomes at one threshold, as fractions. */
export interface ThresholdOutcome {
  threshold: number;
  /** Of the questions with an article: answered with it. */
  right: number;
  /** Of the questions with an article: answered with another. */
  wrong: number;
  /** Of the questions with an article: no article cleared the threshold. */
  declined: number;
  /** Of the questions without an article: answered anyway (0 when there are none). */
  unanswerableAnswered: number;
}

export interface KnowledgeEvaluation {
  questions: number;
  /** Questions that name an article. */
  answerable: number;
  /** Questions that should be declined (`article` null). */
  unanswerable: number;
  top1: number;
  top3: number;
  /** At the threshold asked for. */
  atThreshold: ThresholdOutcome;
  /** At thresholds 0.1, 0.2 … 0.9. */
  thresholds: ThresholdOutcome[];
  /** Most frequent wrong first articles: expected → found. */
  confusions: Array<{ expected: string; found: string; count: number }>;
  p50Ms: number;
  p99Ms: number;
}

export interface EvaluateKnowledgeOptions {
  /** The answer node's threshold to report outcomes at. */
  threshold: number;
  /** Milliseconds clock for latency (e.g. `performance.now`). */
  now: () => number;
  /** Questions searched once, untimed, before measuring (a cold JIT is not what a server sees). Default 100. */
  warmUp?: number;
}

/** Searches every question once (limit 3) and tallies. Empty input gives zeros, not NaN. */
export function evaluateKnowledge(kb: KnowledgeBase, questions: readonly LabelledQuestion[], options: EvaluateKnowledgeOptions): KnowledgeEvaluation {
  for (const q of questions.slice(0, options.warmUp ?? 100)) kb.search(q.text, { limit: 3 });
  const latencies: number[] = [];
  const outcomes = questions.map((q) => {
    const t0 = options.now();
    const hits = kb.search(q.text, { limit: 3 });
    latencies.push(options.now() - t0);
    return { article: q.article, first: hits[0]?.articleId ?? null, score: hits[0]?.score ?? 0, inTop3: q.article !== null && hits.some((h) => h.articleId === q.article) };
  });
  const answerable = outcomes.filter((o) => o.article !== null);
  const unanswerable = outcomes.filter((o) => o.article === null);
  const share = (n: number, of: number): number => (of === 0 ? 0 : n / of);
  const at = (threshold: number): ThresholdOutcome => {
    const answered = answerable.filter((o) => o.first !== null && o.score >= threshold);
    const right = answered.filter((o) => o.first === o.article).length;
    return {
      threshold,
      right: share(right, answerable.length),
      wrong: share(answered.length - right, answerable.length),
      declined: share(answerable.length - answered.length, answerable.length),
      unanswerableAnswered: share(unanswerable.filter((o) => o.first !== null && o.score >= threshold).length, unanswerable.length),
    };
  };
  const confusions = new Map<string, number>();
  for (const o of answerable) {
    if (o.first !== o.article) {
      const key = `${o.article}\u0000${o.first ?? '(none)'}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
  }
  latencies.sort((a, b) => a - b);
  const percentile = (p: number): number => (latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!);
  return {
    questions: questions.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    top1: share(answerable.filter((o) => o.first === o.article).length, answerable.length),
    top3: share(answerable.filter((o) => o.inTop3).length, answerable.length),
    atThreshold: at(options.threshold),
    thresholds: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map(at),
    confusions: [...confusions]
      .map(([key, count]) => {
        const [expected, found] = key.split('\u0000') as [string, string];
        return { expected, found, count };
      })
      .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected))
      .slice(0, 10),
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
  };
}
