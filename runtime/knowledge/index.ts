// Public surface of runtime/knowledge: the port, the MiniSearch index and its evaluation.
export type { KnowledgeBase, KnowledgeHit, KnowledgeSearchOptions } from './knowledge-base.ts';
export {
  buildKnowledgeIndex,
  loadKnowledgeIndex,
  tryLoadKnowledgeIndex,
  DEFAULT_SEARCH_TUNING,
  MAX_QUERY_TERMS,
  type KnowledgeIndex,
  type KnowledgeIndexOptions,
  type KnowledgeSource,
  type RankedArticle,
  type SearchTuning,
  type SerializedKnowledgeIndex,
} from './knowledge-index.ts';
export { evaluateKnowledge, type EvaluateKnowledgeOptions, type KnowledgeEvaluation, type LabelledQuestion, type ThresholdOutcome } from './evaluate-knowledge.ts';
export { MAX_QUERY_CHARS } from './search-terms.ts';
export { markdownToText } from './markdown-text.ts';
