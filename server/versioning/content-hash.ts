// Content identity of a flow document. Node positions are layout, not logic: they are left out
// of the content hash (which approvals are bound to) and of the policy hash.
import type { FlowDocument } from '../../shared/index.ts';
import { canonicalJson } from '../crypto/canonical-json.ts';
import { sha256Hex } from '../crypto/digest.ts';
import { policyProjection } from './policy-projection.ts';

/** The document with every node's `position` removed. */
export function withoutLayout(doc: FlowDocument): Omit<FlowDocument, 'nodes'> & { nodes: Array<Omit<FlowDocument['nodes'][number], 'position'>> } {
  return { ...doc, nodes: doc.nodes.map(({ position: _position, ...node }) => node) };
}

/**
 * SHA-256 of the canonical JSON of the document without node positions. A version committed with
 * a knowledge-base version (the flow names `knowledge.base`) hashes that version's id too: an
 * approval is bound to the articles the flow was tested with, so picking up a new knowledge-base
 * version is new content that needs its own review. Default: no knowledge-base version.
 */
export function contentHash(doc: FlowDocument, knowledgeVersionId: string | null = null): string {
  if (knowledgeVersionId === null) return sha256Hex(canonicalJson(withoutLayout(doc)));
  return sha256Hex(canonicalJson({ flow: withoutLayout(doc), knowledgeVersionId }));
}

/** SHA-256 of the canonical review-relevant projection (see policy-projection.ts). */
export function policyHash(doc: FlowDocument): string {
  return sha256Hex(canonicalJson(policyProjection(doc)));
}

/** Content hash of a draft that may not parse: the raw JSON without node positions. Used in audit entries. */
export function rawContentHash(document: Record<string, unknown>): string {
  const nodes = Array.isArray(document.nodes)
    ? document.nodes.map((n: unknown) => {
        if (typeof n !== 'object' || n === null || Array.isArray(n)) return n;
        const { position: _position, ...rest } = n as Record<string, unknown>;
        return rest;
      })
    : document.nodes;
  return sha256Hex(canonicalJson({ ...document, nodes }));
}
