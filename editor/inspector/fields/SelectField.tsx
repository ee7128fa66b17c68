// A native select: accessible and keyboard-friendly without extra code.
import type { ReactNode } from 'react';
import { FieldFrame } from './FieldFrame.tsx';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  help?: ReactNode;
  error?: string | undefined;
  readOnly?: boolean;
}

export function SelectField<T extends string>({ label, value, options, onChange, help, error, readOnly }: SelectFieldProps<T>) {
  const known = options.some((o) => o.value === value);
  return (
    <FieldFrame label={label} help={help} error={error}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          className="input select"
          value={value}
          disabled={readOnly}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            const next = options.find((o) => o.value === e.target.value);
            if (next) onChange(next.value);
          }}
        >
          {!known && <option value={value}>{value || '(choose)'}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
