// A modal on the native <dialog> element: focus moves in and is trapped, Esc closes, and the
// page behind is inert — accessibility the browser gives for free.
import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from './Icon.tsx';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Esc and the × call it; without it the dialog cannot be dismissed (it must be answered). */
  onClose?: () => void;
  children: ReactNode;
  /** Buttons shown at the bottom right. */
  footer?: ReactNode;
  /** Default 480px. */
  width?: number;
}

export function Dialog({ open, title, onClose, children, footer, width = 480 }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      style={{ width }}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose?.();
      }}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2>{title}</h2>
            {onClose && (
              <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
                <Icon name="x" />
              </button>
            )}
          </header>
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}

export interface DialogActionsProps {
  onCancel: () => void;
  /** Default "Cancel". */
  cancelLabel?: string;
  /** The primary action's label. */
  children: ReactNode;
  /** Submits this form (by id) instead of calling `onConfirm`, so Enter in the form does the same. */
  form?: string;
  onConfirm?: () => void;
  disabled?: boolean;
}

/** The usual footer: a way out, then the primary action. */
export function DialogActions({ onCancel, cancelLabel = 'Cancel', children, form, onConfirm, disabled }: DialogActionsProps) {
  return (
    <>
      <button type="button" className="btn" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type={form ? 'submit' : 'button'} form={form} className="btn btn-primary" onClick={onConfirm} disabled={disabled}>
        {children}
      </button>
    </>
  );
}
