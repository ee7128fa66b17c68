// Canvas keyboard shortcuts: copy, cut, paste, duplicate, select all, search, zoom and fit.
// Undo/redo and save are studio-wide (use-studio-shortcuts.ts); Delete is React Flow's own.
import { useEffect, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { copyFragment, fragmentFromText, fragmentToText, pasteFragment, type Fragment } from '../document/clipboard.ts';
import { removeElements } from '../document/mutations.ts';
import { useStudio } from '../studio/studio-context.ts';
import { notify } from '../ui/toast-store.ts';
import type { FlowRfEdge, FlowRfNode } from './flow-elements.ts';
import { isMod, isTypingTarget } from './keyboard-target.ts';

let clipboard: { fragment: Fragment; pastes: number } | null = null;

export function useCanvasShortcuts({ wrapper, selectIds }: { wrapper: RefObject<HTMLDivElement | null>; selectIds: (nodes: readonly string[], edges?: readonly string[]) => void }) {
  const { store, ui, readOnly } = useStudio();
  const rf = useReactFlow<FlowRfNode, FlowRfEdge>();

  useEffect(() => {
    const selected = () => new Set(ui.get().selectedNodeIds);
    const copy = (): boolean => {
      const ids = selected();
      if (ids.size === 0) return false;
      const fragment = copyFragment(store.doc, ids);
      clipboard = { fragment, pastes: 0 };
      void navigator.clipboard?.writeText(fragmentToText(fragment)).catch(() => undefined);
      return true;
    };
    const paste = (fragment: Fragment, offset: number) => {
      let ids: string[] = [];
      store.change(`Paste ${fragment.nodes.length} node${fragment.nodes.length === 1 ? '' : 's'}`, (d) => {
        const pasted = pasteFragment(d, fragment, { x: offset, y: offset });
        ids = pasted.nodeIds;
        return pasted.doc;
      });
      requestAnimationFrame(() => selectIds(ids));
    };
    const onKey = (e: KeyboardEvent) => {
      if (!wrapper.current || isTypingTarget(e.target)) return;
      const key = e.key.toLowerCase();
      if (isMod(e) && key === 'c') {
        if (copy()) e.preventDefault();
      } else if (isMod(e) && key === 'x' && !readOnly) {
        if (copy()) {
          e.preventDefault();
          const ids = selected();
          store.change(`Cut ${ids.size} node${ids.size === 1 ? '' : 's'}`, (d) => removeElements(d, ids, []));
        }
      } else if (isMod(e) && key === 'v' && !readOnly) {
        e.preventDefault();
        if (clipboard) {
          clipboard.pastes++;
          paste(clipboard.fragment, 32 * clipboard.pastes);
        } else {
          void navigator.clipboard
            ?.readText()
            .then((text) => {
              const fragment = fragmentFromText(text);
              if (fragment) paste(fragment, 32);
            })
            .catch(() => notify('info', 'Nothing to paste', 'Copy nodes first with Ctrl+C.'));
        }
      } else if (isMod(e) && key === 'd' && !readOnly) {
        const ids = selected();
        if (ids.size === 0) return;
        e.preventDefault();
        paste(copyFragment(store.doc, ids), 32);
      } else if (isMod(e) && key === 'a') {
        e.preventDefault();
        selectIds(store.doc.nodes.map((n) => n.id));
      } else if ((isMod(e) && key === 'f') || (key === '/' && !isMod(e))) {
        e.preventDefault();
        ui.set((u) => ({ ...u, searchOpen: true }));
      } else if (e.shiftKey && e.code === 'Digit1') {
        e.preventDefault();
        void rf.fitView({ padding: 0.15, maxZoom: 1, duration: 300 });
      } else if (!isMod(e) && (key === '=' || key === '+')) {
        void rf.zoomIn({ duration: 150 });
      } else if (!isMod(e) && key === '-') {
        void rf.zoomOut({ duration: 150 });
      } else if (key === 'escape') {
        selectIds([]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, ui, rf, readOnly, selectIds, wrapper]);
}
