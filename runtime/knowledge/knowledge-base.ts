// The knowledge-base port used by `answer` nodes: search the site's articles for the user's question.
export interface KnowledgeHit {
  articleId: string;
  title: string;
  /** A short passage to show the customer. */
  extract: string;
  url: string | null;
  /** 0..1; the answer node compares it with its threshold. */
  score: number;
}

export interface KnowledgeBase {
  /** Best matches first. */
  search(query: string, limit?: number): KnowledgeHit[];
}
