// Lower-cased word tokens (letters and digits of any script), for simple term matching. Used only by
// runtime/nlu/word-overlap-classifier.ts now (knowledge search has search-terms.ts); it belongs in runtime/nlu/.
const stopWords = new Set('a an the is are was were be to of and or in on at for with my me i you your it this that do does can how what'.split(' '));

export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !stopWords.has(w));
}
