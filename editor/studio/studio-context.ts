// Everything the flow studio's panels share: the document store, UI state, problems, the canvas
// controller, and whether this user may edit.
import { createContext, useContext } from 'react';
import type { DocumentStore } from '../document/document-store.ts';
import type { ProblemIndex } from '../document/problem-index.ts';
import { useStoreValue, type SmallStore } from '../document/small-store.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import type { CanvasController } from './canvas-controller.ts';
import type { StudioUi } from './studio-ui.ts';

export interface StudioContextValue {
  flowId: string;
  store: DocumentStore;
  ui: SmallStore<StudioUi>;
  problems: SmallStore<ProblemIndex>;
  canvas: CanvasController;
  /** True for users without the designer role: everything is visible, nothing editable. */
  readOnly: boolean;
}

export const StudioContext = createContext<StudioContextValue | null>(null);

export function useStudio(): StudioContextValue {
  const value = useContext(StudioContext);
  if (!value) throw new Error('useStudio outside a flow studio.');
  return value;
}

/** Reads part of the document; re-renders only when that part changes. */
export function useDoc<S>(selector: (doc: EditorDoc) => S): S {
  const { store } = useStudio();
  return useStoreValue(store, (snapshot) => selector(snapshot.doc));
}

export function useUi<S>(selector: (ui: StudioUi) => S): S {
  const { ui } = useStudio();
  return useStoreValue(ui, selector);
}

export function useProblems<S>(selector: (p: ProblemIndex) => S): S {
  const { problems } = useStudio();
  return useStoreValue(problems, selector);
}
