// Knowledge bases: a site's help-centre articles as a document of their own, versioned like flows
// and named by flows (`knowledge.base`). The runtime indexes them for the `answer` node.
import { z } from 'zod';

export const KNOWLEDGE_SCHEMA_VERSION = 1;

/** Knowledge-base ids look like flow ids: lowercase letters, digits and dashes. */
export const knowledgeBaseId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lowercase letters, digits and dashes (e.g. banking-help-centre).')
  .max(64);

/** Article ids are safe as file names and in URLs: letters, digits, `.`, `_` and `-`. */
export const articleId = z
  .string()
  .min(1, 'An article id cannot be empty.')
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Use letters, digits, dots, dashes and underscores, starting with a letter or digit (e.g. card-arrival).');

const locale = z.string().min(2).max(35);

export const knowledgeArticle = z.strictObject({
  id: articleId,
  title: z.string().trim().min(1, 'A title cannot be empty.').max(500),
  /** Markdown. */
  body: z.string().max(100_000),
  /** Where the full article lives on the site; shown to the customer with the extract. */
  url: z.string().max(2000).optional(),
  /** Extra words to match on (boosted between title and body). Default none. */
  tags: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
  /** Only when the article's language differs from the knowledge base's. */
  locale: locale.optional(),
});
export type KnowledgeArticle = z.output<typeof knowledgeArticle>;
export type KnowledgeArticleInput = z.input<typeof knowledgeArticle>;

export const knowledgeBaseDocument = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(KNOWLEDGE_SCHEMA_VERSION),
  id: knowledgeBaseId,
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  /** The articles' language unless an article says otherwise (stemming and stop words follow it). Default `en`. */
  locale: locale.default('en'),
  articles: z.array(knowledgeArticle).max(100_000),
});
export type KnowledgeBaseDocument = z.output<typeof knowledgeBaseDocument>;
export type KnowledgeBaseDocumentInput = z.input<typeof knowledgeBaseDocument>;
