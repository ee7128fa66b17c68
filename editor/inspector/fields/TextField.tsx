// A one-line text input.
import type { ReactNode } from 'react';
import { FieldFrame } from './FieldFrame.tsx';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: ReactNode;
  error?: string | undefined;
  placeholder?: string;
  readOnly?: boolean;
  mono?: boolean;
  onBlur?: () => void;
}

export function TextField({ label, value, onChange, help, error, placeholder, readOnly, mono, onBlur }: TextFieldProps) {
  return (
    <FieldFrame label={label} help={help} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          className={mono ? 'input mono' : 'input'}
          value={value}
          placeholder={placeholder}
          readOnly={readOnly}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          spellCheck={!mono}
        />
      )}
    </FieldFrame>
  );
}
