// The experiments behind the knowledge defaults (docs/knowledge.md "What was tried"):
//   tuning  — search settings (boosts, BM25 k/b/d, prefix, fuzzy) by top-1/top-3 on the training split
//   score   — candidate 0..1 scores compared on the dev split, and the logistic fit of the chosen one
//   budget  — the postings budget: the help centre hidden among 9,939 generated articles
// Run: npx tsx scripts/banking/knowledge-experiments.ts [tuning] [score] [budget]
import { generatedArticles } from '../../bench/knowledge.ts';
import { buildKnowledgeIndex, DEFAULT_SEARCH_TUNING, type KnowledgeIndex, type SearchTuning } from '../../runtime/knowledge/index.ts';
import { bestTermScore } from '../../runtime/knowledge/relevance-score.ts';
import { searchTerms, termProcessor } from '../../runtime/knowledge/search-terms.ts';
import { genericNegatives } from '../../runtime/nlu/generic-negatives.ts';
import { parseKnowledgeBase, type KnowledgeBaseDocument } from '../../shared/index.ts';
import { banking77Split } from '../split-banking77.ts';
import { readPolicy } from './build-banking-flow.ts';
import { articleIdOf, buildHelpCentre } from './build-help-centre.ts';

const policy = readPolicy();
const split = banking77Split();
const answerRows = (rows: typeof split.dev) => rows.filter((r) => policy[r.category]!.action === 'answer');
const pct = (x: number) => (x * 100).toFixed(2);

function helpCentre(revised = true): KnowledgeBaseDocument {
  const parsed = parseKnowledgeBase(buildHelpCentre(readPolicy(), { revised }));
  if (!parsed.ok) throw new Error('the help centre does not parse');
  return parsed.kb;
}

function hitRates(index: KnowledgeIndex, rows: typeof split.dev): { top1: number; top3: number } {
  let top1 = 0;
  let top3 = 0;
  for (const r of rows) {
    const hits = index.search(r.text, { limit: 3 });
    if (hits[0]?.articleId === articleIdOf(r.category)) top1++;
    if (hits.some((h) => h.articleId === articleIdOf(r.category))) top3++;
  }
  return { top1: top1 / rows.length, top3: top3 / rows.length };
}

function tuning(): void {
  const kb = helpCentre();
  const rows = answerRows(split.train);
  const d = DEFAULT_SEARCH_TUNING;
  const variants: Record<string, Partial<SearchTuning>> = {
    'defaults (title 3, tags 2, body 1; k 1.2, b 0.7, d 0.5; prefix ≥4, fuzzy ≥5 at 1 edit)': {},
    'fuzzy up to 2 edits': { maxFuzzyDistance: 2 },
    'no fuzzy': { fuzzyMinLength: 0 },
    'no prefix': { prefixMinLength: 0 },
    'neither prefix nor fuzzy': { fuzzyMinLength: 0, prefixMinLength: 0 },
    'flat boosts 1/1/1': { boosts: { title: 1, tags: 1, body: 1 } },
    'boosts 2/1.5/1': { boosts: { title: 2, tags: 1.5, body: 1 } },
    'boosts 5/3/1': { boosts: { title: 5, tags: 3, body: 1 } },
    'b 0.3': { bm25: { ...d.bm25, b: 0.3 } },
    'b 0.9': { bm25: { ...d.bm25, b: 0.9 } },
    'k 0.6': { bm25: { ...d.bm25, k: 0.6 } },
    'k 2': { bm25: { ...d.bm25, k: 2 } },
    'd 0': { bm25: { ...d.bm25, d: 0 } },
    'd 1': { bm25: { ...d.bm25, d: 1 } },
  };
  console.log(`search settings, training split (${rows.length} routine questions): top-1 / top-3`);
  const first = hitRates(buildKnowledgeIndex(helpCentre(false)), rows);
  console.log(`  ${pct(first.top1)}% / ${pct(first.top3)}%  first revision of the help centre (no search tags), defaults`);
  for (const [name, t] of Object.entries(variants)) {
    const r = hitRates(buildKnowledgeIndex(kb, { tuning: t }), rows);
    console.log(`  ${pct(r.top1)}% / ${pct(r.top3)}%  ${name}`);
  }
}

interface Row {
  right: boolean;
  f: Record<string, number>;
}

function score(): void {
  const index = buildKnowledgeIndex(helpCentre());
  const n = index.articleCount;
  const process = termProcessor('en');
  const best = bestTermScore({ articleCount: n, d: DEFAULT_SEARCH_TUNING.bm25.d, boostSum: 6 });
  const stored = index.toJSON().documentFrequency;
  const idf = (t: string) => {
    const df = Math.max(...(stored[t] ?? [0]));
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  const features = (rows: Array<{ text: string; article: string | null }>): Row[] =>
    rows.map(({ text, article }) => {
      const hits = index.rank(text, { limit: 2 });
      const terms = searchTerms(text, process);
      const nq = Math.max(1, terms.length);
      const s1 = hits[0]?.bm25 ?? 0;
      const s2 = hits[1]?.bm25 ?? 0;
      const qsum = terms.reduce((a, t) => a + idf(t), 0);
      const matched = terms.filter((t) => hits[0]?.matchedTerms.includes(t)).reduce((a, t) => a + idf(t), 0);
      return {
        right: article !== null && hits[0]?.articleId === article,
        f: {
          bm25: s1,
          perTerm: s1 / nq,
          logPerTermVsBest: Math.log(Math.max(1e-4, s1 / nq / best)),
          selfRatio: qsum > 0 ? s1 / (nq * qsum) : 0,
          coverage: qsum > 0 ? matched / qsum : 0,
          margin: s1 > 0 ? (s1 - s2) / s1 : 0,
        },
      };
    });
  const labelled = (rows: typeof split.dev) => rows.map((r) => ({ text: r.text, article: policy[r.category]!.action === 'answer' ? articleIdOf(r.category) : null }));
  const fitRows = [...features(labelled(split.train)), ...features(genericNegatives.map((text) => ({ text, article: null })))];
  const devRows = [...features(labelled(split.dev)), ...features(split.oos.map((r) => ({ text: r.text, article: null })))];

  const auc = (rows: Row[], key: (r: Row) => number) => {
    const neg = rows.filter((r) => !r.right).map(key).sort((a, b) => a - b);
    let sum = 0;
    let count = 0;
    for (const r of rows) {
      if (!r.right) continue;
      const p = key(r);
      let lo = 0;
      while (lo < neg.length && neg[lo]! < p) lo++;
      let eq = lo;
      while (eq < neg.length && neg[eq] === p) eq++;
      sum += lo + (eq - lo) / 2;
      count++;
    }
    return sum / (count * neg.length);
  };
  const rightAtWrong = (rows: Row[], key: (r: Row) => number, maxWrong: number) => {
    const answerable = devRows.length - split.oos.length - split.dev.filter((r) => policy[r.category]!.action === 'escalate').length;
    let right = 0;
    let wrong = 0;
    let best = 0;
    for (const r of [...rows].sort((a, b) => key(b) - key(a))) {
      if (r.right) right++;
      else wrong++;
      if (wrong / rows.length <= maxWrong) best = right;
    }
    return best / answerable;
  };
  /** Logistic regression on standardised features, batch gradient descent. */
  const fit = (names: string[]) => {
    const mu = names.map((k) => fitRows.reduce((a, r) => a + r.f[k]!, 0) / fitRows.length);
    const sd = names.map((k, j) => Math.sqrt(fitRows.reduce((a, r) => a + (r.f[k]! - mu[j]!) ** 2, 0) / fitRows.length) || 1);
    const z = (r: Row) => names.map((k, j) => (r.f[k]! - mu[j]!) / sd[j]!);
    const w = names.map(() => 0);
    let b = 0;
    for (let it = 0; it < 3000; it++) {
      const g = names.map(() => 0);
      let gb = 0;
      for (const r of fitRows) {
        const x = z(r);
        const e = 1 / (1 + Math.exp(-(b + x.reduce((a, v, j) => a + v * w[j]!, 0)))) - (r.right ? 1 : 0);
        gb += e;
        x.forEach((v, j) => (g[j]! += e * v));
      }
      b -= (0.5 * gb) / fitRows.length;
      w.forEach((_, j) => (w[j]! -= (0.5 * g[j]!) / fitRows.length));
    }
    return { p: (r: Row) => 1 / (1 + Math.exp(-(b + z(r).reduce((a, v, j) => a + v * w[j]!, 0)))), w, b, mu, sd };
  };
  const ece = (rows: Row[], p: (r: Row) => number) => {
    const bins = Array.from({ length: 10 }, () => ({ p: 0, y: 0 }));
    for (const r of rows) {
      const bin = bins[Math.min(9, Math.floor(p(r) * 10))]!;
      bin.p += p(r);
      bin.y += r.right ? 1 : 0;
    }
    return bins.reduce((a, bin) => a + Math.abs(bin.p - bin.y), 0) / rows.length;
  };
  console.log(`0..1 score candidates; fitted on the training split + ${genericNegatives.length} generic negatives, measured on dev + CLINC150 out of scope (${devRows.length} rows)`);
  console.log('  AUC (right first article vs everything else) · right answers while wrong ones stay ≤ 5% / ≤ 10% of rows · ECE');
  const raw: Record<string, (r: Row) => number> = {};
  for (const k of ['bm25', 'perTerm', 'selfRatio', 'coverage', 'margin']) raw[k] = (r) => r.f[k]!;
  for (const [name, key] of Object.entries(raw)) console.log(`  ${name.padEnd(36)} ${auc(devRows, key).toFixed(3)} · ${pct(rightAtWrong(devRows, key, 0.05))}% / ${pct(rightAtWrong(devRows, key, 0.1))}%`);
  for (const names of [['logPerTermVsBest'], ['logPerTermVsBest', 'margin'], ['logPerTermVsBest', 'margin', 'coverage'], ['selfRatio', 'margin']]) {
    const { p } = fit(names);
    console.log(`  logistic(${names.join(', ')})`.padEnd(38), `${auc(devRows, p).toFixed(3)} · ${pct(rightAtWrong(devRows, p, 0.05))}% / ${pct(rightAtWrong(devRows, p, 0.1))}% · ${pct(ece(devRows, p))}%`);
  }
  const chosen = fit(['logPerTermVsBest']);
  const slope = chosen.w[0]! / chosen.sd[0]!;
  const intercept = chosen.b - chosen.w[0]! * (chosen.mu[0]! / chosen.sd[0]!);
  console.log(`  chosen: score = 1 / (1 + (x / ${Math.exp(-intercept / slope).toFixed(3)})^-${slope.toFixed(2)}), x = BM25 per query term ÷ best per-term score`);

  // Reliability of the shipped score on the dev split's routine questions.
  const bins = Array.from({ length: 10 }, () => ({ rows: 0, score: 0, right: 0 }));
  for (const r of answerRows(split.dev)) {
    const hit = index.search(r.text, { limit: 1 })[0];
    const s = hit?.score ?? 0;
    const bin = bins[Math.min(9, Math.floor(s * 10))]!;
    bin.rows++;
    bin.score += s;
    bin.right += hit?.articleId === articleIdOf(r.category) ? 1 : 0;
  }
  console.log('reliability of the shipped score, dev routine questions: score bin · rows · mean score · first article right');
  bins.forEach((b, i) => b.rows > 0 && console.log(`  ${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)} · ${b.rows} · ${pct(b.score / b.rows)}% · ${pct(b.right / b.rows)}%`));
}

function budget(): void {
  const articles = [...helpCentre().articles, ...generatedArticles(9939, 99)];
  const rows = answerRows(split.dev);
  console.log(`the help centre hidden among ${articles.length - 61} generated articles; dev routine questions (${rows.length}): top-1 / top-3 · search p50 / p99`);
  for (const postingsBudget of [1e9, 3000, 2000, 1000, 600]) {
    const index = buildKnowledgeIndex({ id: 'big', articles }, { tuning: { postingsBudget } });
    for (const r of rows.slice(0, 200)) index.search(r.text);
    const times: number[] = [];
    for (const r of rows) {
      const t0 = performance.now();
      index.search(r.text, { limit: 3 });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const h = hitRates(index, rows);
    console.log(`  budget ${postingsBudget === 1e9 ? 'none' : postingsBudget}: ${pct(h.top1)}% / ${pct(h.top3)}% · ${times[times.length >> 1]!.toFixed(2)} / ${times[Math.floor(times.length * 0.99)]!.toFixed(2)} ms`);
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const all = { tuning, score, budget };
  const chosen = process.argv.slice(2);
  for (const [name, run] of Object.entries(all)) if (chosen.length === 0 || chosen.includes(name)) run();
}
