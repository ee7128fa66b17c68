// What a node can be found by: its id, its type's name and the words in its data.
import type { EditorNode } from '../document/editor-document.ts';
import { definitionOf } from '../document/node-ports.ts';

function words(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => words(v, out));
  else if (value && typeof value === 'object') for (const v of Object.values(value)) words(v, out);
}

export function nodeSearchText(node: EditorNode): string {
  const out = [node.id, node.type, definitionOf(node.type)?.label ?? ''];
  words(node.data, out);
  return out.join(' ').toLowerCase();
}

export interface SearchHit {
  node: EditorNode;
  /** A short excerpt around the match. */
  excerpt: string;
}

/** Nodes whose text contains every word of `query`; id matches first. At most `limit` (default 50). */
export function searchNodes(nodes: readonly EditorNode[], query: string, limit = 50): SearchHit[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return nodes.slice(0, limit).map((node) => ({ node, excerpt: '' }));
  const hits: Array<SearchHit & { rank: number }> = [];
  for (const node of nodes) {
    const text = nodeSearchText(node);
    if (!terms.every((t) => text.includes(t))) continue;
    const at = text.indexOf(terms[0]!);
    const rank = node.id.toLowerCase().includes(terms[0]!) ? 0 : 1;
    hits.push({ node, rank, excerpt: text.slice(Math.max(0, at - 20), at + 60) });
  }
  return hits.sort((a, b) => a.rank - b.rank).slice(0, limit);
}
