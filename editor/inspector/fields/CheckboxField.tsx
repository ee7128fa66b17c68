// A checkbox with its label to the right and optional help below.
import { useId, type ReactNode } from 'react';

export function CheckboxField({ label, checked, onChange, help, readOnly }: { label: string; checked: boolean; onChange: (checked: boolean) => void; help?: ReactNode; readOnly?: boolean }) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input id={id} type="checkbox" checked={checked} disabled={readOnly} onChange={(e) => onChange(e.target.checked)} aria-describedby={help ? `${id}-help` : undefined} />
      <label htmlFor={id}>{label}</label>
      {help && (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}
