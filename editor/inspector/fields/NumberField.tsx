// A number input that allows an empty value (for optional fields) and keeps what is typed
// while it is not yet a number ("0." on the way to "0.5").
import { useEffect, useState, type ReactNode } from 'react';
import { FieldFrame } from './FieldFrame.tsx';

export interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  help?: ReactNode;
  error?: string | undefined;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
  readOnly?: boolean;
  /** Shows a slider next to the input (for thresholds). */
  slider?: boolean;
}

export function NumberField({ label, value, onChange, help, error, min, max, step, placeholder, readOnly, slider }: NumberFieldProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : value === undefined ? '' : String(value)));
  }, [value]);
  const commit = (t: string) => {
    setText(t);
    if (t.trim() === '') onChange(undefined);
    else if (Number.isFinite(Number(t))) onChange(Number(t));
  };
  return (
    <FieldFrame label={label} help={help} error={error}>
      {({ id, describedBy, invalid }) => (
        <div className="number-field">
          {slider && (
            <input
              type="range"
              className="range"
              aria-label={`${label} slider`}
              min={min}
              max={max}
              step={step}
              value={value ?? min ?? 0}
              disabled={readOnly}
              onChange={(e) => commit(e.target.value)}
            />
          )}
          <input
            id={id}
            type="number"
            inputMode="decimal"
            className="input number"
            value={text}
            min={min}
            max={max}
            step={step}
            placeholder={placeholder}
            readOnly={readOnly}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => commit(e.target.value)}
          />
        </div>
      )}
    </FieldFrame>
  );
}
