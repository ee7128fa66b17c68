// The built-in knowledge index: finds the right article, scores 0..1, shows a plain-text extract,
// survives a JSON round trip, and never throws on what customers type. Runs in Node and browser-like.
import { describe, expect, it } from 'vitest';
import { buildKnowledgeIndex, loadKnowledgeIndex, tryLoadKnowledgeIndex, type SerializedKnowledgeIndex } from '../../runtime/knowledge/index.ts';
import { helpArticles, helpQuestions } from './knowledge-fixtures.ts';

const index = buildKnowledgeIndex({ id: 'help', locale: 'en', articles: helpArticles });

describe('retrieval', () => {
  it('puts the right article first for nearly every question (quality floor)', () => {
    const top1 = helpQuestions.filter(([q, id]) => index.search(q)[0]?.articleId === id).length;
    const top3 = helpQuestions.filter(([q, id]) => index.search(q, { limit: 3 }).some((h) => h.articleId === id)).length;
    expect(top1).toBeGreaterThanOrEqual(9);
    expect(top3).toBe(helpQuestions.length);
  });

  it('matches typos (fuzzy) and word beginnings (prefix)', () => {
    expect(index.search('activte my crad')[0]?.articleId).toBe('activate-card');
    expect(index.search('verif identity')[0]?.articleId).toBe('verify-identity');
  });

  it('weighs a title match above the same words in a body', () => {
    // "arrive" is in the card-delivery title and in two bodies.
    expect(index.search('arrive')[0]?.articleId).toBe('card-delivery');
  });

  it('scores in 0..1, best first, and a clear match higher than a vague one', () => {
    const hits = index.search('when will my card arrive', { limit: 5 });
    expect(hits.length).toBeGreaterThan(1);
    for (const h of hits) {
      expect(h.score).toBeGreaterThanOrEqual(0);
      expect(h.score).toBeLessThanOrEqual(1);
    }
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    expect(hits[0]!.score).toBeGreaterThan(index.search('card')[0]!.score);
  });

  it('returns at most `limit` hits (default 3)', () => {
    expect(index.search('card money transfer pin account').length).toBe(3);
    expect(index.search('card money transfer pin account', { limit: 1 }).length).toBe(1);
  });

  it('finds nothing for words no article has, and for questions without searchable words', () => {
    expect(index.search('zebra quantum')).toEqual([]);
    expect(index.search('how do I')).toEqual([]);
  });

  it('only searches articles in the conversation language when given one', () => {
    const mixed = buildKnowledgeIndex({
      locale: 'en',
      articles: [
        { id: 'en-pin', title: 'Change your PIN', body: 'At any cash machine.', tags: [] },
        { id: 'de-pin', title: 'PIN ändern', body: 'Am Geldautomaten.', tags: [], locale: 'de' },
      ],
    });
    expect(mixed.search('pin', { locale: 'de-AT', limit: 5 }).map((h) => h.articleId)).toEqual(['de-pin']);
    expect(mixed.search('pin', { locale: 'en-GB', limit: 5 }).map((h) => h.articleId)).toEqual(['en-pin']);
    expect(mixed.search('pin', { limit: 5 }).length).toBe(2);
    expect(index.search('pin', { locale: 'fr' })).toEqual([]);
  });
});

describe('extract', () => {
  it('is the relevant passage in plain text, not Markdown; the first paragraph unless another holds clearly more', () => {
    const delivery = index.search('where can I track my card delivery')[0]!;
    expect(delivery.articleId).toBe('card-delivery');
    expect(delivery.extract).toBe('Cards arrive within 5–7 working days, or up to 3 weeks abroad.');
    expect(index.search('should I check my address, it is late')[0]!.extract).toBe('Check your address if it is late.');
    expect(index.search('track it under cards')[0]!.extract).toBe('Track it under Cards → Track card.');
    const activate = index.search('activate card')[0]!;
    expect(activate.extract).toBe('Open the app, go to Cards and tap Activate. You need the 6-digit code from the letter.');
    expect(activate.title).toBe('How do I activate my new card?');
    expect(activate.url).toBe('https://help.example.com/activate-card');
    expect(index.search('pin')[0]!.url).toBeNull();
  });

  it('is about 300 characters, cut at a sentence or word end', () => {
    const sentence = 'Our fees depend on the plan you chose and the currency you pay in, and they are shown before you confirm. ';
    const long = buildKnowledgeIndex({ articles: [{ id: 'fees', title: 'Fees', body: sentence.repeat(10), tags: [] }] });
    const extract = long.search('fees plan')[0]!.extract;
    expect(extract.length).toBeLessThanOrEqual(300);
    expect(extract.length).toBeGreaterThan(150);
    expect(extract.endsWith('.')).toBe(true);
    const words = buildKnowledgeIndex({ articles: [{ id: 'w', title: 'Words', body: 'word '.repeat(200), tags: [] }] });
    expect(words.search('word')[0]!.extract).toMatch(/^(word )+word…$/);
  });
});

describe('serialisation', () => {
  it('loads from JSON to the same rankings, scores and extracts, without rebuilding', () => {
    const stored = JSON.parse(JSON.stringify(index.toJSON())) as SerializedKnowledgeIndex;
    const loaded = loadKnowledgeIndex(stored);
    expect(loaded.id).toBe('help');
    expect(loaded.articleCount).toBe(helpArticles.length);
    for (const [q] of helpQuestions) expect(loaded.search(q, { limit: 5 })).toEqual(index.search(q, { limit: 5 }));
    const again = loaded.toJSON();
    expect({ ...again, minisearch: null }).toEqual({ ...stored, minisearch: null });
    const byTerm = (entries: SerializedKnowledgeIndex['minisearch']['index']) => [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(byTerm(again.minisearch.index)).toEqual(byTerm(stored.minisearch.index));
  });

  it('keeps the version and tuning it was built with', () => {
    const tuned = buildKnowledgeIndex({ articles: helpArticles }, { version: 'sha256:abc', tuning: { boosts: { title: 1, tags: 1, body: 1 } } });
    const loaded = loadKnowledgeIndex(JSON.parse(JSON.stringify(tuned)));
    expect(loaded.version).toBe('sha256:abc');
    expect(loaded.toJSON().tuning.boosts).toEqual({ title: 1, tags: 1, body: 1 });
    expect(loaded.search('arrive')).toEqual(tuned.search('arrive'));
  });

  it('reports what is wrong with stored data that is not an index', () => {
    expect(tryLoadKnowledgeIndex(null)).toEqual({ ok: false, message: expect.stringMatching(/JSON object/) });
    expect(tryLoadKnowledgeIndex({ format: 'other' })).toEqual({ ok: false, message: expect.stringMatching(/Not a knowledge index/) });
    const stored = index.toJSON();
    expect(tryLoadKnowledgeIndex({ ...stored, formatVersion: 99 })).toEqual({ ok: false, message: expect.stringMatching(/rebuild the index/) });
    expect(tryLoadKnowledgeIndex({ ...stored, articles: stored.articles.slice(1) })).toEqual({ ok: false, message: expect.stringMatching(/inconsistent/) });
    expect(() => loadKnowledgeIndex({ ...stored, minisearch: undefined })).toThrow(/incomplete/);
  });
});

describe('bad input never throws', () => {
  const nasty: unknown[] = [
    '',
    '   ',
    '🙂🙂🙂',
    'card 💳 arrive 🚚',
    'x'.repeat(10_000),
    'card '.repeat(2_000),
    '\u0000\u0007 card \u001b[31m',
    '\ud800 lone surrogate card',
    '((( [[[ *** ### ``` |||',
    'карта не пришла',
    '我的卡还没到',
    null,
    undefined,
    42,
    { text: 'card' },
  ];
  it.each(nasty.map((q) => [JSON.stringify(q)?.slice(0, 40) ?? String(q), q]))('%s', (_, q) => {
    const hits = index.search(q as string, { limit: 3 });
    expect(Array.isArray(hits)).toBe(true);
    for (const h of hits) {
      expect(h.score).toBeGreaterThanOrEqual(0);
      expect(h.score).toBeLessThanOrEqual(1);
    }
  });

  it('answers a 10,000-character message quickly (only the first 1,000 characters are read)', () => {
    const t0 = performance.now();
    index.search('card '.repeat(2_000));
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('handles an empty knowledge base and odd limits', () => {
    const empty = buildKnowledgeIndex({ articles: [] });
    expect(empty.search('card')).toEqual([]);
    expect(loadKnowledgeIndex(JSON.parse(JSON.stringify(empty))).search('card')).toEqual([]);
    expect(index.search('card', { limit: 0 }).length).toBe(1);
    expect(index.search('card', { limit: Number.NaN }).length).toBe(1);
    expect(index.search('card', { limit: 1e9 }).length).toBeLessThanOrEqual(50);
  });
});
