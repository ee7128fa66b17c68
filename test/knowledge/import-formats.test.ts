// Reading help-centre articles from CSV and Markdown: what is accepted, and every bad row or file
// reported with what is wrong and where, with nothing returned.
import { describe, expect, it } from 'vitest';
import { articlesFromCsv, articlesToCsv, splitTags } from '../../runtime/knowledge/formats/csv-knowledge.ts';
import { articleFromMarkdown, articleToMarkdown } from '../../runtime/knowledge/formats/markdown-knowledge.ts';
import { slugify, uniqueSlug } from '../../runtime/knowledge/formats/article-slug.ts';

describe('CSV', () => {
  it('reads question,answer[,url,tags] with or without a header; ids from the questions', () => {
    const withHeader = articlesFromCsv(
      'question,answer,url,tags\n"How do I change my PIN?","At any ATM, or in the app.",https://x.test/pin,pin|security\nWhere is my card?,"It takes 5 days.\n\nTrack it in the app.",,cards; delivery\n',
      'faq.csv',
    );
    expect(withHeader).toEqual({
      ok: true,
      value: [
        { id: 'how-do-i-change-my-pin', title: 'How do I change my PIN?', body: 'At any ATM, or in the app.', url: 'https://x.test/pin', tags: ['pin', 'security'] },
        { id: 'where-is-my-card', title: 'Where is my card?', body: 'It takes 5 days.\n\nTrack it in the app.', tags: ['cards', 'delivery'] },
      ],
    });
    const positional = articlesFromCsv('Where is my card?,Five days.\nWhere is my card?,"Really, five."', 'faq.csv');
    expect(positional.ok && positional.value.map((a) => a.id)).toEqual(['where-is-my-card', 'where-is-my-card-2']);
  });

  it('takes columns in any order, with optional id and locale', () => {
    const read = articlesFromCsv('answer,id,question,locale\nBei jedem Automaten.,pin-de,PIN ändern?,de\n', 'faq.csv');
    expect(read).toEqual({ ok: true, value: [{ id: 'pin-de', title: 'PIN ändern?', body: 'Bei jedem Automaten.', tags: [], locale: 'de' }] });
  });

  it('reports every bad row with its line and returns no articles', () => {
    const read = articlesFromCsv(
      ['question,answer,id', 'Fine?,Yes.,a', ',No question.,b', 'No answer?,,c', 'Same id?,Yes.,a', 'Too,many,fields,here', 'Bad id?,Yes.,has space'].join('\n'),
      'faq.csv',
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      { file: 'faq.csv', line: 3, message: 'the question is empty' },
      { file: 'faq.csv', line: 4, message: 'the answer is empty' },
      { file: 'faq.csv', line: 5, message: 'the id "a" is also used on line 2' },
      { file: 'faq.csv', line: 6, message: 'expected 3 (question,answer,id) fields, found 4' },
      { file: 'faq.csv', line: 7, message: expect.stringMatching(/^id: Use letters, digits/) },
    ]);
  });

  it('reports a broken file, an unknown column and an empty file', () => {
    expect(articlesFromCsv('question,answer\n"unterminated,x\n', 'f.csv')).toEqual({ ok: false, problems: [{ file: 'f.csv', line: 2, message: 'not valid CSV: unterminated quoted field' }] });
    expect(articlesFromCsv('question,answer,colour\nq,a,red\n', 'f.csv')).toEqual({ ok: false, problems: [{ file: 'f.csv', line: 1, message: 'unknown column "colour" (use id, question, answer, url, tags, locale)' }] });
    expect(articlesFromCsv('', 'f.csv')).toEqual({ ok: false, problems: [{ file: 'f.csv', message: expect.stringMatching(/no rows/) }] });
    expect(articlesFromCsv('question,answer\n', 'f.csv')).toEqual({ ok: false, problems: [{ file: 'f.csv', message: 'the file has a header but no articles' }] });
  });

  it('writes CSV that reads back to the same articles', () => {
    const articles = [
      { id: 'a', title: 'Commas, "quotes"?', body: 'Line one.\n\nLine two, with a comma.', url: 'https://x.test/a', tags: ['one', 'two words'] },
      { id: 'b', title: 'Plain', body: 'Plain.', tags: [] },
    ];
    const csv = articlesToCsv(articles);
    expect(csv.split('\n')[0]).toBe('id,question,answer,url,tags');
    expect(articlesFromCsv(csv, 'x.csv')).toEqual({ ok: true, value: articles });
  });

  it('splits tags on | and ;', () => {
    expect(splitTags(' a | b;c ;; ')).toEqual(['a', 'b', 'c']);
  });
});

describe('Markdown', () => {
  it('takes title, url, tags, id and locale from front matter', () => {
    const md = '---\ntitle: "Card delivery: how long?"\nurl: https://x.test/d\ntags: [cards, "delivery, post"]\nlocale: en-GB\n---\n\nCards take **5 days**.\n';
    expect(articleFromMarkdown(md, 'help/delivery.md', 'delivery.md')).toEqual({
      ok: true,
      value: { id: 'delivery', title: 'Card delivery: how long?', body: 'Cards take **5 days**.', url: 'https://x.test/d', tags: ['cards', 'delivery, post'], locale: 'en-GB' },
    });
  });

  it('uses the first # heading as the title, the file name as the id, and YAML list tags', () => {
    const md = '---\ntags:\n  - pin\n  - security\n---\n# Change your PIN\n\nAt any ATM.\n';
    expect(articleFromMarkdown(md, 'pin.md', 'Change PIN.md')).toEqual({ ok: true, value: { id: 'change-pin', title: 'Change your PIN', body: 'At any ATM.', tags: ['pin', 'security'] } });
    expect(articleFromMarkdown('# Only a heading\n', 'x.md', 'x.md')).toEqual({ ok: true, value: { id: 'x', title: 'Only a heading', body: '', tags: [] } });
  });

  it('reports a missing title, unclosed front matter and unknown keys with their lines', () => {
    expect(articleFromMarkdown('Just text.', 'a.md', 'a.md')).toEqual({ ok: false, problems: [{ file: 'a.md', message: expect.stringMatching(/^no title/) }] });
    expect(articleFromMarkdown('---\ntitle: x\n# body', 'b.md', 'b.md')).toEqual({ ok: false, problems: [{ file: 'b.md', line: 1, message: expect.stringMatching(/never closed/) }] });
    expect(articleFromMarkdown('---\ntitle: x\ncolour: red\nnot a pair\n---\nBody', 'c.md', 'c.md')).toEqual({
      ok: false,
      problems: [
        { file: 'c.md', line: 3, message: 'unknown front matter key "colour" (use title, url, tags, id, locale)' },
        { file: 'c.md', line: 4, message: expect.stringMatching(/cannot read this front matter line/) },
      ],
    });
  });

  it('writes Markdown that reads back to the same article', () => {
    const article = { id: 'fees', title: 'Fees: "all" of them', body: '## Cards\n\nFree.', url: 'https://x.test/f?a=1', tags: ['fees', 'a, b'], locale: 'en' };
    expect(articleFromMarkdown(articleToMarkdown(article), 'fees.md', 'fees.md')).toEqual({ ok: true, value: article });
  });
});

describe('slugs', () => {
  it('makes ids from titles', () => {
    expect(slugify('Où est ma carte ? (2024)')).toBe('ou-est-ma-carte-2024');
    const taken = new Set<string>();
    expect([uniqueSlug('A', taken), uniqueSlug('a', taken), uniqueSlug('💳', taken)]).toEqual(['a', 'a-2', 'article']);
  });
});
