// How knowledge text is read: Markdown to plain paragraphs and sentences, search terms (stop
// words, contractions, Porter stems) and the query planner's postings budget.
import { describe, expect, it } from 'vitest';
import SearchableMap from 'minisearch/SearchableMap';
import { markdownParagraphs, markdownToText } from '../../runtime/knowledge/markdown-text.ts';
import { porterStem } from '../../runtime/knowledge/porter-stemmer.ts';
import { planQuery, type FieldFrequencies } from '../../runtime/knowledge/query-plan.ts';
import { searchTerms, termProcessor } from '../../runtime/knowledge/search-terms.ts';
import { DEFAULT_SEARCH_TUNING } from '../../runtime/knowledge/knowledge-index.ts';

describe('markdownParagraphs', () => {
  it('strips inline syntax and splits blocks into paragraphs of sentences', () => {
    const md = [
      '# Cards',
      '',
      'Open the **app** and tap _Cards_. See [the guide](https://x.test/guide) or <https://x.test>.',
      'It takes `2` minutes, e.g. on Android.',
      '',
      '- First item',
      '* Second item with ![an image](i.png)',
      '1. Numbered',
      '',
      '> Quoted <b>bold</b> text &amp; more',
      '',
      '| col a | col b |',
      '|---|---|',
      '| x | y |',
      '',
      '```',
      'code stays',
      '```',
      '---',
    ].join('\n');
    expect(markdownParagraphs(md)).toEqual([
      ['Cards'],
      ['Open the app and tap Cards.', 'See the guide or https://x.test.', 'It takes 2 minutes, e.g. on Android.'],
      ['First item'],
      ['Second item with an image'],
      ['Numbered'],
      ['Quoted bold text & more'],
      ['col a col b'],
      ['x y'],
      ['code stays'],
    ]);
    expect(markdownToText('A *b*\n\nC')).toBe('A b\n\nC');
  });

  it('keeps snake_case words and asterisks inside words', () => {
    expect(markdownParagraphs('use top_up_limit and 2*3')).toEqual([['use top_up_limit and 2*3']]);
  });
});

describe('search terms', () => {
  const en = termProcessor('en-GB');
  it('drops stop words, opens contractions and stems English', () => {
    expect(searchTerms("Why hasn't my card arrived? I can't see the cards' delivery", en)).toEqual(['not', 'card', 'arriv', 'see', 'deliveri']);
  });
  it('keeps other languages as lower-case words (no stemming)', () => {
    expect(searchTerms('Meine Karte ist nicht angekommen', termProcessor('de'))).toEqual(['meine', 'karte', 'ist', 'nicht', 'angekommen']);
  });
  it('stems like Porter (1980)', () => {
    const cases: Record<string, string> = { caresses: 'caress', ponies: 'poni', agreed: 'agre', motoring: 'motor', hopping: 'hop', filing: 'file', happy: 'happi', relational: 'relat', generalizations: 'gener', activate: 'activ', arrival: 'arriv', replacement: 'replac', adoption: 'adopt' };
    for (const [word, stem] of Object.entries(cases)) expect(porterStem(word), word).toBe(stem);
  });
});

describe('planQuery', () => {
  const vocabulary = SearchableMap.from<FieldFrequencies>([
    ['card', [900, 300, 4000]],
    ['cardhold', [1, 0, 3]],
    ['arriv', [40, 10, 300]],
    ['pin', [20, 5, 100]],
  ]);
  const tuning = { ...DEFAULT_SEARCH_TUNING, postingsBudget: 1000 };

  it('searches rare terms everywhere, a common one in titles and tags, and adds weighted prefix matches', () => {
    const plan = planQuery(['card', 'arriv', 'pin'], vocabulary, 10_000, tuning);
    expect(plan.find((p) => p.term === 'pin')).toMatchObject({ fields: 'all', weight: 1 });
    expect(plan.find((p) => p.term === 'arriv')).toMatchObject({ fields: 'all' });
    expect(plan.find((p) => p.term === 'cardhold')).toMatchObject({ sources: ['card'], fields: 'all' });
    expect(plan.find((p) => p.term === 'cardhold')!.weight).toBeLessThan(1);
    expect(plan.find((p) => p.term === 'card')).toBeUndefined();
  });

  it('always searches the most informative term, in titles at least', () => {
    expect(planQuery(['card'], vocabulary, 10_000, { ...tuning, prefixMinLength: 0 })).toEqual([{ term: 'card', sources: ['card'], weight: 1, fields: 'title' }]);
  });

  it('leaves out words the index does not have', () => {
    expect(planQuery(['zebra'], vocabulary, 10_000, tuning)).toEqual([]);
  });
});
