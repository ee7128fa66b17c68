// Knowledge bases in the studio: inputs and outputs of the `knowledge.*` procedures. A draft is
// always a valid knowledge-base document (each edit is checked), versions are immutable and carry
// their built search index; flow versions name the knowledge-base version they were committed with.
import { z } from 'zod';
import { knowledgeArticle, knowledgeBaseDocument, knowledgeBaseId } from '../knowledge.ts';
import type { KnowledgeBaseDocument } from '../knowledge.ts';
import { recordId, type actorSchema, type sha256Hex } from './common.ts';
import type { DraftStatus } from './flows.ts';

export const knowledgeBaseRef = z.strictObject({ kbId: knowledgeBaseId });

export const createKnowledgeBaseInput = z.strictObject({
  id: knowledgeBaseId,
  name: z.string().trim().min(1, 'Give the knowledge base a name.').max(200),
  /** Default `en`. */
  locale: z.string().min(2).max(35).default('en'),
});

const revisioned = { kbId: knowledgeBaseId, baseRevision: z.number().int().min(1) };

/** Replaces the whole draft (its id must stay the knowledge base's). */
export const saveKnowledgeDraftInput = z.strictObject({ ...revisioned, document: knowledgeBaseDocument });

/** Adds an article, or replaces the one with `previousId` (default: the article's own id; a different id renames it). */
export const putArticleInput = z.strictObject({ ...revisioned, article: knowledgeArticle, previousId: z.string().max(128).optional() });

export const deleteArticleInput = z.strictObject({ ...revisioned, articleId: z.string().min(1).max(128) });

/** Largest upload, in characters over all files (8 million: under the studio's 10 MB request limit). */
export const MAX_IMPORT_CHARS = 8_000_000;

export const importFileSchema = z.strictObject({
  /** The file's name; its extension picks the format (.md/.markdown, .csv, .json). */
  name: z.string().min(1).max(500),
  text: z.string(),
});

export const importKnowledgeInput = z.strictObject({
  ...revisioned,
  files: z
    .array(importFileSchema)
    .min(1, 'Choose at least one file.')
    .max(20_000)
    .refine((files) => files.reduce((n, f) => n + f.text.length, 0) <= MAX_IMPORT_CHARS, 'The files hold more than 8 million characters together; import them in parts.'),
  /** `merge` (default): imported articles replace those with the same id, others are added. `replace`: the draft's articles become exactly the imported ones. */
  mode: z.enum(['merge', 'replace']).default('merge'),
});

export const knowledgeExportFormats = ['json', 'csv', 'markdown'] as const;
export const exportKnowledgeInput = z.strictObject({
  kbId: knowledgeBaseId,
  /** Default: the draft. */
  versionId: recordId.optional(),
  format: z.enum(knowledgeExportFormats).default('json'),
});

export const commitKnowledgeInput = z.strictObject({
  ...revisioned,
  message: z.string().trim().min(1, 'Describe the change in a few words.').max(2000),
});

export const searchKnowledgeInput = z.strictObject({
  kbId: knowledgeBaseId,
  /** Default: the draft. */
  versionId: recordId.optional(),
  query: z.string().trim().min(1, 'Type a question to search for.').max(1000),
  /** The answer node's threshold to compare scores with. Default 0.35 (the node's default). */
  threshold: z.number().min(0).max(1).default(0.35),
  /** Default 5. */
  limit: z.number().int().min(1).max(20).default(5),
});

/** A flow version's knowledge-base pin as the API shows it. */
export const knowledgePinSchema = z.object({ kbId: z.string(), versionId: z.string(), number: z.number() });
export type KnowledgePin = z.output<typeof knowledgePinSchema>;

export interface KnowledgeVersionSummary {
  id: string;
  kbId: string;
  number: number;
  message: string;
  author: z.output<typeof actorSchema>;
  createdAt: string;
  contentHash: z.output<typeof sha256Hex>;
  articleCount: number;
  /** Flows whose newest version was committed with this knowledge-base version. */
  usedByFlows: string[];
}

export interface KnowledgeBaseSummary {
  id: string;
  name: string;
  locale: string;
  articleCount: number;
  draft: DraftStatus;
  latestVersion: { id: string; number: number; createdAt: string } | null;
  versionCount: number;
}

/** An answer node of a flow draft that searches this knowledge base. */
export interface KnowledgeUse {
  flowId: string;
  nodeId: string;
  threshold: number;
}

export interface KnowledgeBaseDetail extends KnowledgeBaseSummary {
  revision: number;
  baseVersionId: string | null;
  document: KnowledgeBaseDocument;
  versions: KnowledgeVersionSummary[];
  usedBy: KnowledgeUse[];
}

export interface SavedKnowledgeDraft {
  revision: number;
  savedAt: string;
  articleCount: number;
}

export interface ImportedKnowledge extends SavedKnowledgeDraft {
  added: number;
  replaced: number;
  removed: number;
}

export interface KnowledgeExport {
  /** One file for json and csv; one `<article id>.md` per article for markdown. */
  files: Array<{ name: string; text: string; mimeType: string }>;
}

export interface KnowledgeSearchHit {
  articleId: string;
  title: string;
  url: string | null;
  /** What the answer node would send: the article's most relevant passage. */
  extract: string;
  /** Calibrated 0..1 (docs/knowledge.md). */
  score: number;
  bm25: number;
  matchedTerms: string[];
  /** score ≥ threshold: the answer node would answer with this article (only the first one is sent). */
  clearsThreshold: boolean;
}

export interface KnowledgeSearchResult {
  /** `draft` or the version searched. */
  source: { ref: 'draft'; revision: number } | { ref: 'version'; versionId: string; number: number };
  threshold: number;
  articleCount: number;
  hits: KnowledgeSearchHit[];
  /** Whether the answer node would answer (the best hit clears the threshold) or take `no_answer`. */
  answered: boolean;
  ms: number;
}

