// The flow studio: loads a flow's draft, owns its document store, autosave and problem check,
// and lays out the views (canvas, intents, rules, settings, versions) and the simulator.
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { apiFailure, describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasRole } from '../auth/use-session.ts';
import { isSessionEndedError, waitForSignIn } from '../auth/session-expiry.ts';
import { DocumentStore } from '../document/document-store.ts';
import { toEditorDoc, toJsonDocument } from '../document/editor-document.ts';
import { emptyProblemIndex, type ProblemIndex } from '../document/problem-index.ts';
import { createSmallStore, useStoreValue } from '../document/small-store.ts';
import { Canvas } from '../canvas/Canvas.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { Autosave } from './autosave.ts';
import { CanvasController } from './canvas-controller.ts';
import { StudioContext, type StudioContextValue } from './studio-context.ts';
import { initialStudioUi, studioViews, type StudioUi, type StudioView } from './studio-ui.ts';
import { useProblemCheck } from './use-problem-check.ts';
import { StudioHeader } from './StudioHeader.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { ConflictBanner } from './ConflictBanner.tsx';
import { useStudioShortcuts } from './use-studio-shortcuts.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { IntentsView } from '../intents/IntentsView.tsx';
import { RulesView } from '../rules/RulesView.tsx';
import { FlowSettingsView } from '../settings/FlowSettingsView.tsx';
import { VersionsView } from '../versions/VersionsView.tsx';
import { SimulatorPanel } from '../simulator/SimulatorPanel.tsx';
import { routeHref } from '../app/route.ts';
import { draftQuery } from '../app/preload.ts';

export function FlowStudio({ flowId, panel }: { flowId: string; panel: string | null }) {
  const draft = useQuery({ ...draftQuery(flowId), staleTime: Infinity, gcTime: 0, refetchOnWindowFocus: false });
  if (draft.isPending) {
    return (
      <div className="page-center">
        <Spinner label="Opening the flow" size={24} />
      </div>
    );
  }
  if (draft.isError) {
    const f = apiFailure(draft.error);
    return (
      <div className="page-center">
        <EmptyState icon="flow" title={f.code === 'NOT_FOUND' ? 'This flow does not exist' : 'The flow could not be opened'} action={<a className="btn" href="#/flows">Back to flows</a>}>
          {describeFailure(draft.error)}
        </EmptyState>
      </div>
    );
  }
  performance.mark('sb:draft');
  return <LoadedStudio flowId={flowId} panel={panel} draft={draft.data} />;
}

type Draft = Awaited<ReturnType<typeof api.flows.get.query>>;

function LoadedStudio({ flowId, panel, draft }: { flowId: string; panel: string | null; draft: Draft }) {
  const user = useCurrentUser();
  const readOnly = !hasRole(user, 'designer');
  const value = useMemo<StudioContextValue>(() => {
    const view = studioViews.includes(panel as StudioView) ? (panel as StudioView) : 'canvas';
    return {
      flowId,
      store: new DocumentStore(toEditorDoc(draft.document)),
      ui: createSmallStore<StudioUi>({ ...initialStudioUi, view }),
      problems: createSmallStore<ProblemIndex>(emptyProblemIndex),
      canvas: new CanvasController(),
      readOnly,
    };
    // The studio is built once per opened flow; later route changes only switch the view.
  }, [flowId]);
  const [autosave] = useState(
    () =>
      new Autosave(
        value.store,
        {
          save: (doc, baseRevision) => api.flows.saveDraft.mutate({ flowId, baseRevision, document: toJsonDocument(doc) }),
          failure: (error) => {
            if (isSessionEndedError(error)) return { conflict: null, message: 'your session has ended; sign in again to save', retry: false, resumeWhen: waitForSignIn() };
            const f = apiFailure(error);
            return { conflict: f.conflict, message: f.message, retry: f.code === 'NETWORK' || (f.httpStatus ?? 500) >= 500 || f.code === 'TOO_MANY_REQUESTS' };
          },
        },
        draft.revision,
        draft.updatedAt,
        readOnly,
      ),
  );
  useEffect(() => autosave.start(), [autosave]);
  useProblemCheck(value.store, value.problems);
  useStudioShortcuts(value, autosave);

  const view = useStoreValue(value.ui, (u) => u.view);
  const problemsOpen = useStoreValue(value.ui, (u) => u.problemsOpen);
  const simulatorOpen = useStoreValue(value.ui, (u) => u.simulatorOpen);
  const shortcutsOpen = useStoreValue(value.ui, (u) => u.shortcutsOpen);

  // Links and back/forward change the route's panel: follow it.
  useEffect(() => {
    const next = studioViews.includes(panel as StudioView) ? (panel as StudioView) : 'canvas';
    value.ui.set((u) => (u.view === next ? u : { ...u, view: next }));
  }, [panel, value.ui]);

  useEffect(() => {
    const href = routeHref({ screen: 'flow', flowId, panel: view === 'canvas' ? null : view });
    if (window.location.hash !== href) window.history.replaceState(null, '', href);
  }, [flowId, view]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (autosave.dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [autosave]);

  return (
    <StudioContext.Provider value={value}>
      <div className="studio">
        <StudioHeader autosave={autosave} />
        <ConflictBanner autosave={autosave} />
        <div className="studio-main">
          <div className="studio-view" id="studio-panel" role="tabpanel" aria-labelledby={`studio-tab-${view}`}>
            {view === 'canvas' && (
              <ReactFlowProvider>
                <div className="canvas-layout">
                  {!value.readOnly && <Palette />}
                  <Canvas />
                  {!simulatorOpen && <Inspector />}
                </div>
              </ReactFlowProvider>
            )}
            {view === 'intents' && <IntentsView autosave={autosave} />}
            {view === 'rules' && <RulesView />}
            {view === 'settings' && <FlowSettingsView />}
            {view === 'versions' && <VersionsView autosave={autosave} />}
          </div>
          {simulatorOpen && <SimulatorPanel />}
        </div>
        {problemsOpen && <ProblemsPanel onClose={() => value.ui.set((u) => ({ ...u, problemsOpen: false }))} />}
        <ShortcutsDialog open={shortcutsOpen} onClose={() => value.ui.set((u) => ({ ...u, shortcutsOpen: false }))} />
      </div>
    </StudioContext.Provider>
  );
}
