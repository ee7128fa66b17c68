// Read access to MiniSearch's in-memory index (term → field → article → term frequency, and the
// field lengths BM25 needs), so top-k-scorer.ts can score postings without MiniSearch building a
// result object per matching article. MiniSearch keeps these in protected fields: the version is
// pinned in package.json and their shape is checked here, so an upgrade that changes them fails
// loudly (every knowledge test builds an index) instead of ranking wrongly.
import type MiniSearch from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';

/** Occurrences of one term in one field, by MiniSearch's short document id. */
export type TermFrequencies = ReadonlyMap<number, number>;

export interface Postings {
  /** Indexed documents: MiniSearch's N in the idf. */
  readonly documentCount: number;
  /** One past the largest short document id: the size of per-document arrays. */
  readonly idLimit: number;
  /** Average distinct terms per document, by field position (the order given to miniSearchPostings). */
  readonly averageFieldLength: readonly number[];
  /** Distinct terms of each document's field: `fieldLength[shortId * fieldCount + fieldPosition]`. */
  readonly fieldLength: Float64Array;
  /** The indexed document's own id (the article's position) by short id. */
  readonly documentOf: Int32Array;
  /** MiniSearch's id of the field at each position. */
  readonly fieldIds: readonly number[];
  /** The term's postings by field id, or undefined when no document has the term. */
  termFields(term: string): ReadonlyMap<number, TermFrequencies> | undefined;
}

/** The protected fields of MiniSearch 7.2 read here. */
interface MiniSearchInternals {
  _index: SearchableMap<Map<number, Map<number, number>>>;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _dirtCount: number;
}

/**
 * A view of `search`'s postings for `fields` (in that order). Field lengths are copied into a typed
 * array once, so the index must not change afterwards (knowledge indexes never do: they are built,
 * then only searched). Throws when MiniSearch's internals are not what this was written against.
 */
export function miniSearchPostings<T>(search: MiniSearch<T>, fields: readonly string[]): Postings {
  const internals = search as unknown as MiniSearchInternals;
  const { _index: index, _documentIds: documentIds, _fieldIds: fieldIds, _fieldLength: lengths, _avgFieldLength: averages } = internals;
  const fieldIdOf = fields.map((f) => fieldIds?.[f]);
  if (
    // Not instanceof: MiniSearch's bundle has its own copy of the SearchableMap class.
    typeof index?.get !== 'function' ||
    !(documentIds instanceof Map) ||
    !(lengths instanceof Map) ||
    !Array.isArray(averages) ||
    !Number.isInteger(internals._nextId) ||
    internals._documentCount !== documentIds.size ||
    // Discarded documents leave postings behind that MiniSearch skips on every search; ours never discard.
    internals._dirtCount !== 0 ||
    !fieldIdOf.every((id): id is number => Number.isInteger(id))
  ) {
    throw new Error('MiniSearch internals are not those of version 7.2 (knowledge search reads its index directly; see minisearch-postings.ts).');
  }
  const idLimit = internals._nextId;
  const fieldCount = fields.length;
  const fieldLength = new Float64Array(idLimit * fieldCount);
  const documentOf = new Int32Array(idLimit).fill(-1);
  for (const [shortId, id] of documentIds) {
    if (typeof id !== 'number') throw new Error(`MiniSearch document id ${String(id)} is not an article position.`);
    documentOf[shortId] = id;
    const perField = lengths.get(shortId) ?? [];
    fieldIdOf.forEach((fieldId, f) => {
      fieldLength[shortId * fieldCount + f] = perField[fieldId] ?? 0;
    });
  }
  return {
    documentCount: internals._documentCount,
    idLimit,
    averageFieldLength: fieldIdOf.map((fieldId) => averages[fieldId] ?? 0),
    fieldLength,
    documentOf,
    fieldIds: fieldIdOf,
    termFields: (term) => index.get(term),
  };
}
