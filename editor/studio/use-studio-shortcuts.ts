// Studio-wide shortcuts: undo/redo (outside text fields, which keep their own), save now, help.
import { useEffect } from 'react';
import { isMod, isTypingTarget } from '../canvas/keyboard-target.ts';
import { notify } from '../ui/toast-store.ts';
import type { Autosave } from './autosave.ts';
import type { StudioContextValue } from './studio-context.ts';

export function useStudioShortcuts({ store, ui, readOnly }: StudioContextValue, autosave: Autosave) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if (isMod(e) && key === 's') {
        e.preventDefault();
        if (!readOnly) void autosave.flush().then((ok) => ok && notify('success', 'Draft saved'));
        return;
      }
      if (isTypingTarget(e.target)) return;
      if (isMod(e) && key === 'z' && !readOnly) {
        e.preventDefault();
        if (e.shiftKey) store.redo();
        else store.undo();
      } else if (isMod(e) && key === 'y' && !readOnly) {
        e.preventDefault();
        store.redo();
      } else if (e.key === '?') {
        ui.set((u) => ({ ...u, shortcutsOpen: true }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, ui, readOnly, autosave]);
}
