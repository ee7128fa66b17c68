// The extract an answer shows: the run of sentences in one paragraph that holds the most of the
// customer's search terms, about 300 characters, cut at a sentence or word end. Help articles lead
// with the answer, so the first paragraph wins unless another holds clearly more of the question.
import type { TermProcessor } from './search-terms.ts';
import { tokenizeText } from './search-terms.ts';

/** Target length of an extract in characters. Default 300. */
export const EXTRACT_CHARS = 300;

/** Bonus of a passage in the first paragraph, in matched query terms. */
const FIRST_PARAGRAPH_BONUS = 1.5;
/** Bonus of a passage that starts its paragraph. */
const PARAGRAPH_START_BONUS = 0.5;
/** Long articles are searched for the passage within their first 20,000 characters (latency). */
const MAX_SCANNED_CHARS = 20_000;

/**
 * Picks the most relevant passage of `paragraphs` (sentences per paragraph) for `queryTerms`
 * (already processed): most query terms, plus a bonus for the first paragraph and for starting a
 * paragraph. Ties go to the earlier passage; with no term in common, the article's start.
 */
export function bestPassage(paragraphs: readonly (readonly string[])[], queryTerms: ReadonlySet<string>, process: TermProcessor, maxChars = EXTRACT_CHARS): string {
  let best: { score: number; text: string } | null = null;
  let scanned = 0;
  for (const [p, sentences] of paragraphs.entries()) {
    if (scanned > MAX_SCANNED_CHARS) break;
    scanned += sentences.reduce((n, s) => n + s.length, 0);
    const termsOf = sentences.map((s) => sentenceTerms(s, process));
    for (let start = 0; start < sentences.length; start++) {
      let text = '';
      const found = new Set<string>();
      for (let end = start; end < sentences.length; end++) {
        const next = text ? `${text} ${sentences[end]}` : sentences[end]!;
        if (text && next.length > maxChars) break;
        text = next;
        for (const t of termsOf[end]!) if (queryTerms.has(t)) found.add(t);
      }
      const score = found.size + (p === 0 ? FIRST_PARAGRAPH_BONUS : 0) + (start === 0 ? PARAGRAPH_START_BONUS : 0);
      if (!best || score > best.score) best = { score, text };
    }
  }
  return best ? clip(best.text, maxChars) : '';
}

function sentenceTerms(sentence: string, process: TermProcessor): Set<string> {
  const out = new Set<string>();
  for (const token of tokenizeText(sentence)) {
    const term = process(token);
    if (term) out.add(term);
  }
  return out;
}

/** Cuts at the last sentence end (else word end) before `maxChars`, adding "…" when words are lost. */
function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  if (sentenceEnd > maxChars / 2) return cut.slice(0, sentenceEnd + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}
