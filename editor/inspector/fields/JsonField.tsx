// A small JSON / JSON-logic expression input: keeps the text while it does not parse and reports
// the rule's problems (checkLogic) under it.
import { useEffect, useState, type ReactNode } from 'react';
import type { Json } from '../../../shared/index.ts';
import { checkLogic } from '../../../runtime/logic/index.ts';
import { FieldFrame } from './FieldFrame.tsx';

export interface JsonFieldProps {
  label: string;
  value: Json | undefined;
  onChange: (value: Json) => void;
  help?: ReactNode;
  error?: string | undefined;
  readOnly?: boolean;
  /** Check the value as JSON-logic. Default true. */
  logic?: boolean;
}

const show = (v: Json | undefined) => (v === undefined ? '' : JSON.stringify(v));

export function JsonField({ label, value, onChange, help, error, readOnly, logic = true }: JsonFieldProps) {
  const [text, setText] = useState(show(value));
  const [parseError, setParseError] = useState<string | null>(null);
  useEffect(() => {
    setText((t) => {
      try {
        return JSON.stringify(JSON.parse(t)) === show(value) ? t : show(value);
      } catch {
        return show(value);
      }
    });
  }, [value]);
  const logicProblem = logic && value !== undefined ? checkLogic(value)[0]?.message : undefined;
  return (
    <FieldFrame label={label} help={help} error={parseError ?? error ?? logicProblem}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          className="input textarea mono"
          rows={Math.min(6, Math.max(1, Math.ceil(text.length / 40)))}
          value={text}
          readOnly={readOnly}
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setText(e.target.value);
            try {
              const parsed = JSON.parse(e.target.value) as Json;
              setParseError(null);
              onChange(parsed);
            } catch {
              setParseError('Not valid JSON yet: check quotes, commas and brackets.');
            }
          }}
        />
      )}
    </FieldFrame>
  );
}
