// `flows.*`: the flow list, drafts (optimistic concurrency), commit, import/export, draft diff.
import {
  commitInput,
  createFlowInput,
  draftDiffInput,
  exportInput,
  flowRef,
  importInput,
  saveDraftInput,
} from '../../../shared/index.ts';
import { createFlow, exportFlow, getDraft, importFlow, saveDraft } from '../../flows/drafts.ts';
import { listFlows } from '../../flows/list-flows.ts';
import { commitVersion } from '../../versioning/commit-version.ts';
import { diffDraft } from '../../versioning/diff-versions.ts';
import { STUDIO_READERS, acting } from '../access.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const reader = requireRoles(...STUDIO_READERS);
const designer = requireRoles('designer');

export const flowsRouter = router({
  list: reader.query(({ ctx }) => listFlows(ctx.deps.db)),
  /** The draft with its revision and compileFlow's problems. */
  get: reader.input(flowRef).query(async ({ ctx, input }) => unwrap(await getDraft(ctx.deps.db, input.flowId))),
  /** Creates a flow with a starter draft (start → message → end). */
  create: designer.input(createFlowInput).mutation(async ({ ctx, input }) => {
    const created = unwrap(await createFlow(ctx.deps.db, { ...input, ...acting(ctx) }));
    return unwrap(await getDraft(ctx.deps.db, created.flowId));
  }),
  /** Saves the draft if `baseRevision` is current; 409 with `data.conflict` otherwise. */
  saveDraft: designer.input(saveDraftInput).mutation(async ({ ctx, input }) => unwrap(await saveDraft(ctx.deps.db, { ...input, ...acting(ctx) }))),
  /** Commits the draft as an immutable version; 400 with `data.problems` when invalid. */
  commit: designer.input(commitInput).mutation(async ({ ctx, input }) => unwrap(await commitVersion(ctx.deps.db, { ...input, ...acting(ctx) }))),
  /** Imports a flow file as a new flow, or as the draft of an existing one (`baseRevision` required). */
  import: designer.input(importInput).mutation(async ({ ctx, input }) => unwrap(await importFlow(ctx.deps.db, { ...input, ...acting(ctx) }))),
  /** The draft or a version as a JSON file. */
  export: reader.input(exportInput).query(async ({ ctx, input }) => unwrap(await exportFlow(ctx.deps.db, input))),
  /** What the draft changes compared with a version (default: the last committed one). */
  diffDraft: reader.input(draftDiffInput).query(async ({ ctx, input }) => unwrap(await diffDraft(ctx.deps.db, input))),
});
