// Multi-line text, for bot messages and prompts; grows with its content.
import type { ReactNode } from 'react';
import { FieldFrame } from './FieldFrame.tsx';

export interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: ReactNode;
  error?: string | undefined;
  placeholder?: string;
  readOnly?: boolean;
  rows?: number;
  mono?: boolean;
  aside?: ReactNode;
}

export function TextAreaField({ label, value, onChange, help, error, placeholder, readOnly, rows = 3, mono, aside }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} help={help} error={error} aside={aside}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          className={mono ? 'input textarea mono' : 'input textarea'}
          value={value}
          rows={Math.max(rows, Math.min(12, value.split('\n').length + 1))}
          placeholder={placeholder}
          readOnly={readOnly}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={!mono}
        />
      )}
    </FieldFrame>
  );
}
