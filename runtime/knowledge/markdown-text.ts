// Markdown to plain text for search and extracts: the customer sees words, not `**`, `[](…)` or
// `#`. Not a full CommonMark parser — enough for help-centre articles (headings, lists, links,
// emphasis, code, quotes, tables, HTML tags).

/**
 * The article's paragraphs as plain text, each split into sentences. Headings, list items, table
 * rows and quoted lines each start a paragraph of their own; fenced code is kept as text.
 */
export function markdownParagraphs(markdown: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  const flush = (): void => {
    const text = current.join(' ').replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(splitSentences(text));
    current = [];
  };
  let inFence = false;
  for (const rawLine of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      current.push(line);
      continue;
    }
    if (!line.trim() || /^\s*([-*_]\s*){3,}$/.test(line) || /^\s*\|?\s*:?-{3,}/.test(line)) {
      flush();
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+/.test(line) || /^\s*(=+|-+)\s*$/.test(line);
    const block = /^\s*([-*+]|\d+[.)])\s+/.test(line) || /^\s*>/.test(line) || /^\s*\|/.test(line);
    if (heading || block) flush();
    if (/^\s*(=+|-+)\s*$/.test(line)) continue;
    current.push(inlineText(line));
    if (heading) flush();
  }
  flush();
  return paragraphs;
}

/** Plain text of a whole Markdown body (paragraphs joined by blank lines). */
export function markdownToText(markdown: string): string {
  return markdownParagraphs(markdown)
    .map((sentences) => sentences.join(' '))
    .join('\n\n');
}

/** One line of Markdown without its block marker and inline syntax. */
function inlineText(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^\s*(>\s*)+/, '')
    .replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, '')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?!\w)/g, '$1$2')
    .replace(/~~(.*?)~~/g, '$1')
    .replace(/\s*\|\s*/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();
}

/** Splits at `.`, `!` or `?` followed by a space and a capital, digit or quote; keeps "e.g. this". */
function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?…])\s+(?=["“'(\p{Lu}\p{N}])/u).filter((s) => s.trim());
}
