// The knowledge-base port used by `answer` nodes: search the site's articles for the user's question.
// runtime/knowledge/knowledge-index.ts implements it with MiniSearch; hosts may pass their own.

export interface KnowledgeHit {
  articleId: string;
  title: string;
  /** The most relevant passage of the article as plain text (about 300 characters). */
  extract: string;
  url: string | null;
  /** 0..1, comparable across queries; the answer node compares it with its threshold. */
  score: number;
}

export interface KnowledgeSearchOptions {
  /** Most hits to return. Default 3. */
  limit?: number;
  /**
   * The conversation's locale: only articles in its language (`de-AT` matches `de`) are searched.
   * Default: every article.
   */
  locale?: string;
}

export interface KnowledgeBase {
  /** The knowledge base's id, or null for a flow's inline articles. */
  readonly id: string | null;
  /** The stored version the index was built from (set by the host at publish), or null. */
  readonly version: string | null;
  /** Best matches first. Never throws; a query without searchable words finds nothing. */
  search(query: string, options?: KnowledgeSearchOptions): KnowledgeHit[];
}
