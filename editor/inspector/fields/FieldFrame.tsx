// Label, help and error around one form control, wired with ids so screen readers announce them.
import { useId, type ReactNode } from 'react';
import { Icon } from '../../ui/Icon.tsx';

export interface FieldFrameProps {
  label: string;
  help?: ReactNode;
  error?: string | undefined;
  /** Rendered right of the label (e.g. a small action). */
  aside?: ReactNode;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

export function FieldFrame({ label, help, error, aside, children }: FieldFrameProps) {
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <div className="field-label-row">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {aside}
      </div>
      {children({ id, describedBy, invalid: !!error })}
      {error && (
        <p className="field-error" id={errorId}>
          <Icon name="error" size={12} /> {error}
        </p>
      )}
      {help && (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      )}
    </div>
  );
}
