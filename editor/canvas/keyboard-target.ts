// Whether a key press belongs to a text field (or Monaco, or a dialog) rather than the canvas.

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor, dialog[open], [role="dialog"], .quick-add')) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

export const isMod = (e: KeyboardEvent) => e.metaKey || e.ctrlKey;
