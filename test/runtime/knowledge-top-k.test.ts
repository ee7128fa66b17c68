// The knowledge index ranks with its own top-k walk over MiniSearch's postings (top-k-scorer.ts);
// it must give exactly what MiniSearch's search gave: the same articles in the same order, the
// same BM25 and score to the last bit (the sums are taken in MiniSearch's order), the same words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeIndex, loadKnowledgeIndex, type KnowledgeIndex, type SearchTuning } from '../../runtime/knowledge/index.ts';
import type { KnowledgeArticle } from '../../shared/index.ts';
import { helpArticles, helpQuestions } from './knowledge-fixtures.ts';
import { referenceRanker } from './knowledge-reference-rank.ts';

type Options = { limit?: number; locale?: string };

/** What rank() returns that the reference also computes. */
function ranked(index: KnowledgeIndex, query: string, options: Options) {
  return index.rank(query, options).map((h) => ({ articleId: h.articleId, score: h.score, bm25: h.bm25, matchedTerms: h.matchedTerms }));
}

/** Asserts that `index` and the same index loaded from JSON both rank `queries` as the reference does. */
function expectSameAsReference(index: KnowledgeIndex, queries: ReadonlyArray<[string, Options]>): void {
  const stored = JSON.parse(JSON.stringify(index.toJSON()));
  const reference = referenceRanker(stored);
  const loaded = loadKnowledgeIndex(stored);
  for (const [query, options] of queries) {
    const expected = reference(query, options);
    expect(ranked(index, query, options), query).toEqual(expected);
    expect(ranked(loaded, query, options), query).toEqual(expected);
  }
}

describe('top-k ranking equals MiniSearch search', () => {
  it('on the help fixtures, at every limit', () => {
    const index = buildKnowledgeIndex({ id: 'help', locale: 'en', articles: helpArticles });
    const queries = [...helpQuestions.map(([q]) => q), 'card', 'arrive', 'card money transfer pin account', 'activte my crad', 'verif identity', 'zebra quantum'];
    expectSameAsReference(index, queries.flatMap((q) => [1, 3, 5, 50].map((limit): [string, Options] => [q, { limit }])));
  });

  it('with articles in two languages, filtered by the conversation locale', () => {
    const index = buildKnowledgeIndex({
      locale: 'en',
      articles: [
        { id: 'en-pin', title: 'Change your PIN', body: 'At any cash machine.', tags: ['pin'] },
        { id: 'de-pin', title: 'PIN ändern', body: 'Am Geldautomaten, PIN PIN.', tags: [], locale: 'de' },
        { id: 'en-card', title: 'Card PIN', body: 'Your card and its PIN.', tags: [] },
      ],
    });
    expectSameAsReference(index, [['pin', { locale: 'de-AT', limit: 5 }], ['pin card', { locale: 'en-GB', limit: 5 }], ['pin', { limit: 5 }], ['pins', { locale: 'fr' }]]);
  });

  it('adds up each field group before adding it to the total, as MiniSearch does (found by the property below)', () => {
    // "card" and "transfer" are too common for a 20-posting budget, so they are searched in titles
    // and tags only, as a second group: for a4, activ + (card + transfer) ≠ (activ + card) + transfer.
    const articles = [
      ['card', [], ''], ['card', [], ''], ['card', [], ''], ['card active', [], 'card'],
      ['activation feed', ['transferred', 'card'], 'transfer card'], ['refunded activation card exchange', [], 'transfer card'],
      ['exchange transform transferred card refund', [], 'card transfer'], ['', ['card', 'refund'], 'transfer'],
      ['delivery', ['activate', 'delivered'], 'card'], ['feed', [], 'transfer'], ['', ['delivered', 'transform'], 'transfer card'],
    ] as const;
    const index = buildKnowledgeIndex(
      { articles: articles.map(([title, tags, body], i) => ({ id: `a${i}`, title, tags: [...tags], body })) },
      { tuning: { postingsBudget: 20 } },
    );
    expectSameAsReference(index, [['activation refund transfers card', { limit: 50 }]]);
  });

  it('for generated articles, queries and tunings (ties, prefixes, typos, small postings budgets)', () => {
    // Few words, many shared stems and prefixes: many equal scores and expanded terms.
    const vocabulary = [
      'card', 'cards', 'carding', 'cart', 'care', 'careful', 'transfer', 'transfers', 'transferred', 'transform', 'pin', 'pins',
      'account', 'accounts', 'accountant', 'activate', 'activation', 'active', 'refund', 'refunded', 'delivery', 'delivered',
      'exchange', 'fee', 'fees', 'feed', 'money', 'monkey', 'the', 'not', "can't", 'straße', 'über', '2fa', '42',
    ];
    const word = fc.constantFrom(...vocabulary);
    const typo = fc.tuple(word, fc.nat(), fc.constantFrom('', 'x', 'e')).map(([w, at, c]) => w.slice(0, at % w.length) + c + w.slice((at % w.length) + 1));
    const text = (max: number) => fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: typo }), { maxLength: max }).map((ws) => ws.join(' '));
    // Bodies often repeat a few common words, so small budgets search those in titles and tags only.
    const commonBody = fc.array(fc.constantFrom('card', 'cards', 'transfer', 'money', 'account', 'fees'), { maxLength: 25 }).map((ws) => ws.join(' '));
    const article = fc.record({ title: text(8), tags: fc.array(word, { maxLength: 3 }), body: fc.oneof(text(25), commonBody), de: fc.boolean() });
    const articles = fc.array(article, { minLength: 1, maxLength: 30 }).chain((list) =>
      // Repeat some articles outright: identical scores must keep MiniSearch's order.
      fc.array(fc.nat(list.length - 1), { maxLength: 4 }).map((copies) =>
        [...list, ...copies.map((i) => list[i]!)].map(
          (a, i): KnowledgeArticle => ({ id: `a${i}`, title: a.title, tags: a.tags, body: a.body, ...(a.de ? { locale: 'de' } : {}) }),
        ),
      ),
    );
    const tuning = fc.record({
      boosts: fc.record({ title: fc.constantFrom(0, 1, 3, 2.5), tags: fc.constantFrom(0, 1, 2), body: fc.constantFrom(1, 0.5) }),
      bm25: fc.record({ k: fc.constantFrom(0.5, 1.2, 2), b: fc.constantFrom(0, 0.7, 1), d: fc.constantFrom(0, 0.5, 1) }),
      prefixMinLength: fc.constantFrom(0, 3, 4),
      fuzzyMinLength: fc.constantFrom(0, 4, 5),
      maxFuzzyDistance: fc.constantFrom(1, 2),
      weights: fc.record({ prefix: fc.constantFrom(0.375, 1), fuzzy: fc.constantFrom(0.45, 1) }),
      postingsBudget: fc.constantFrom(1, 5, 10, 20, 40, 1000),
    }) satisfies fc.Arbitrary<SearchTuning>;
    const options = fc.record({ limit: fc.integer({ min: 1, max: 50 }), locale: fc.constantFrom(undefined, 'en', 'de-AT', 'fr') }).map((o): Options => (o.locale ? o : { limit: o.limit }));
    fc.assert(
      fc.property(articles, fc.constantFrom('en', 'de'), tuning, fc.array(fc.tuple(text(8), options), { minLength: 1, maxLength: 6 }), (list, locale, t, queries) => {
        expectSameAsReference(buildKnowledgeIndex({ locale, articles: list }, { tuning: t }), queries);
      }),
      { numRuns: 400 },
    );
  });
});
