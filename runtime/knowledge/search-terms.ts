// How knowledge-base text becomes search terms, the same at indexing and at query time: NFKC,
// lower case, contractions opened ("can't" → "can not"), English stop words dropped and Porter stems.
import { porterStem } from './porter-stemmer.ts';

/** Words too common in questions and help articles to tell articles apart (English). */
const englishStopWords = new Set(
  (
    'a an the is are was were be been being am to of and or in on at for with by from as it its this that these those ' +
    'i me my mine we us our you your he she him his her they them their there here so if then than too very just also ' +
    'do does did doing done have has had having can could would should will shall may might must ' +
    'how what when where which who whom why whose about into onto up out over please hi hello hey thanks thank ' +
    'im ive id ill youre dont doesnt didnt any some all'
  ).split(' '),
);

/** Messages longer than this are cut before searching. Default 1000 characters. */
export const MAX_QUERY_CHARS = 1000;

/** Splits text into raw word tokens (letters and digits of any script); punctuation separates. */
export function tokenizeText(text: string): string[] {
  const normalised = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\bcan't\b/g, 'can not')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(/'/g, '');
  return normalised.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** Turns one lower-case token into its search term, or null to drop it (stop words, single letters). */
export type TermProcessor = (token: string) => string | null;

/** Distinct words whose stems one processor remembers (searches repeat words; stemming is the hot path). */
const STEM_CACHE_SIZE = 50_000;

/** English (`en`, `en-GB`…) gets stop words and stemming; other locales only lower case and NFKC. */
export function termProcessor(locale: string): TermProcessor {
  const english = locale.toLowerCase().split('-')[0] === 'en';
  const stems = new Map<string, string>();
  return (token) => {
    if (token.length < 2 && !/\p{N}/u.test(token)) return null;
    if (!english) return token;
    if (englishStopWords.has(token)) return null;
    let stem = stems.get(token);
    if (stem === undefined) {
      stem = porterStem(token);
      if (stems.size >= STEM_CACHE_SIZE) stems.clear();
      stems.set(token, stem);
    }
    return stem;
  };
}

/** Every term of a text in order, repeats kept (term frequency counts). */
export function textTerms(text: string, process: TermProcessor): string[] {
  const out: string[] = [];
  for (const token of tokenizeText(text)) {
    const term = process(token);
    if (term) out.push(term);
  }
  return out;
}

/** The distinct terms of a text, in first-seen order. */
export function searchTerms(text: string, process: TermProcessor): string[] {
  return [...new Set(textTerms(text, process))];
}
