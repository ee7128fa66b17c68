// Notifications that outlive the action that caused them ("Version 4 deployed to production").
// A tiny external store so any module can notify without prop drilling.

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  body?: string | undefined;
}

type Listener = () => void;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const emit = () => listeners.forEach((l) => l());

/** Shows a toast; errors stay 8 s, others 4 s. Returns its id. */
export function notify(kind: ToastKind, title: string, body?: string): number {
  const id = nextId++;
  toasts = [...toasts, { id, kind, title, body }].slice(-4);
  emit();
  setTimeout(() => dismiss(id), kind === 'error' ? 8000 : 4000);
  return id;
}

export function dismiss(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export const toastStore = {
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => toasts,
};
