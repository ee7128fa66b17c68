// A list of short strings edited as chips: type and press Enter (or comma) to add, × to remove.
import { useState, type ReactNode } from 'react';
import { Icon } from '../../ui/Icon.tsx';
import { FieldFrame } from './FieldFrame.tsx';

export interface TagListFieldProps {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  help?: ReactNode;
  error?: string | undefined;
  placeholder?: string;
  readOnly?: boolean;
  /** Offered as completions while typing. */
  suggestions?: readonly string[];
}

export function TagListField({ label, values, onChange, help, error, placeholder = 'Type and press Enter', readOnly, suggestions }: TagListFieldProps) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const value = draft.trim().replace(/,$/, '');
    if (value && !values.includes(value)) onChange([...values, value]);
    setDraft('');
  };
  const listId = `${label.replace(/\W+/g, '-')}-suggestions`;
  return (
    <FieldFrame label={label} help={help} error={error}>
      {({ id, describedBy, invalid }) => (
        <div className={invalid ? 'tag-input has-error' : 'tag-input'}>
          {values.map((v) => (
            <span key={v} className="tag">
              {v}
              {!readOnly && (
                <button type="button" className="tag-remove" aria-label={`Remove ${v}`} onClick={() => onChange(values.filter((x) => x !== v))}>
                  <Icon name="x" size={10} />
                </button>
              )}
            </span>
          ))}
          {!readOnly && (
            <input
              id={id}
              className="tag-input-field"
              value={draft}
              placeholder={values.length ? '' : placeholder}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              list={suggestions ? listId : undefined}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={add}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ',') {
                  e.preventDefault();
                  add();
                } else if (e.key === 'Backspace' && draft === '' && values.length) {
                  onChange(values.slice(0, -1));
                }
              }}
            />
          )}
          {suggestions && (
            <datalist id={listId}>
              {suggestions.filter((s) => !values.includes(s)).map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </div>
      )}
    </FieldFrame>
  );
}
