// `knowledge.*`: knowledge bases in the studio — list, read, edit the draft (revision conflicts),
// import/export, commit versions with their search index, and "which article would answer this?".
import {
  commitKnowledgeInput,
  createKnowledgeBaseInput,
  deleteArticleInput,
  exportKnowledgeInput,
  importKnowledgeInput,
  knowledgeBaseRef,
  putArticleInput,
  saveKnowledgeDraftInput,
  searchKnowledgeInput,
} from '../../../shared/index.ts';
import { importKnowledge } from '../../knowledge/import-knowledge.ts';
import { createKnowledgeBase, deleteArticle, editKnowledgeDraft, putArticle, replaceDraft } from '../../knowledge/knowledge-drafts.ts';
import { exportKnowledge, getKnowledgeBase, listKnowledgeBases } from '../../knowledge/knowledge-read.ts';
import { searchKnowledge } from '../../knowledge/knowledge-search.ts';
import { commitKnowledgeVersion } from '../../knowledge/knowledge-versions.ts';
import { STUDIO_READERS, acting } from '../access.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const reader = requireRoles(...STUDIO_READERS);
const editor = requireRoles('designer', 'admin');

export const knowledgeRouter = router({
  list: reader.query(({ ctx }) => listKnowledgeBases(ctx.deps.db)),
  /** The draft with its articles, the versions, and the answer nodes that use it. */
  get: reader.input(knowledgeBaseRef).query(async ({ ctx, input }) => unwrap(await getKnowledgeBase(ctx.deps.db, input.kbId))),
  create: editor.input(createKnowledgeBaseInput).mutation(async ({ ctx, input }) => {
    unwrap(await createKnowledgeBase(ctx.deps.db, { ...input, ...acting(ctx) }));
    return unwrap(await getKnowledgeBase(ctx.deps.db, input.id));
  }),
  /** Replaces the draft if `baseRevision` is current; 409 with `data.conflict` otherwise. */
  saveDraft: editor
    .input(saveKnowledgeDraftInput)
    .mutation(async ({ ctx, input }) => unwrap(await editKnowledgeDraft(ctx.deps.db, { ...input, ...acting(ctx) }, replaceDraft(input.kbId, input.document)))),
  /** Adds an article or replaces `previousId` (renaming it when the id differs). */
  putArticle: editor
    .input(putArticleInput)
    .mutation(async ({ ctx, input }) => unwrap(await editKnowledgeDraft(ctx.deps.db, { ...input, ...acting(ctx) }, putArticle(input.article, input.previousId)))),
  deleteArticle: editor
    .input(deleteArticleInput)
    .mutation(async ({ ctx, input }) => unwrap(await editKnowledgeDraft(ctx.deps.db, { ...input, ...acting(ctx) }, deleteArticle(input.articleId)))),
  /** Markdown files, a CSV or a JSON document into the draft; all or nothing, 400 with `data.importProblems`. */
  import: editor.input(importKnowledgeInput).mutation(async ({ ctx, input }) => unwrap(await importKnowledge(ctx.deps.db, { ...input, ...acting(ctx) }))),
  export: reader.input(exportKnowledgeInput).query(async ({ ctx, input }) => unwrap(await exportKnowledge(ctx.deps.db, input))),
  /** Commits the draft as an immutable version with its built search index. */
  commit: editor.input(commitKnowledgeInput).mutation(async ({ ctx, input }) => unwrap(await commitKnowledgeVersion(ctx.deps.db, { ...input, ...acting(ctx) }))),
  /** Ranked articles for a question, with calibrated scores against a threshold (draft or a version). */
  search: reader.input(searchKnowledgeInput).query(async ({ ctx, input }) => unwrap(await searchKnowledge(ctx.deps.db, input))),
});
