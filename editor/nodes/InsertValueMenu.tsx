// "Insert value": adds a `{{path}}` placeholder for a rule-context value to a message template.
import { useMemo } from 'react';
import type { EditorDoc } from '../document/editor-document.ts';
import { ruleFields } from '../rules/rule-fields.ts';

export function InsertValueMenu({ doc, onInsert, disabled }: { doc: EditorDoc; onInsert: (placeholder: string) => void; disabled?: boolean }) {
  const fields = useMemo(() => ruleFields(doc).filter((f) => f.group !== 'Intent' || f.name === 'nlu.intent'), [doc]);
  return (
    <select
      className="insert-menu"
      aria-label="Insert a value into the text"
      value=""
      disabled={disabled}
      onChange={(e) => {
        if (e.target.value) onInsert(`{{${e.target.value}}}`);
      }}
    >
      <option value="">Insert value…</option>
      {fields.map((f) => (
        <option key={f.name} value={f.name}>
          {f.name}
        </option>
      ))}
    </select>
  );
}
