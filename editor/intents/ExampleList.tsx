// A virtualised list of training examples: only the rows on screen are in the DOM, so an intent
// (or a search across banking-support's 10,000 examples) scrolls without stutter. Rows edit in place.
import { useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Icon } from '../ui/Icon.tsx';

export interface ExampleRow {
  intent: string;
  index: number;
  text: string;
}

export interface ExampleListProps {
  rows: readonly ExampleRow[];
  /** Show the intent name on each row (search across intents). */
  showIntent: boolean;
  readOnly: boolean;
  onEdit: (row: ExampleRow, text: string) => void;
  onDelete: (row: ExampleRow) => void;
  onOpenIntent?: (intent: string) => void;
  /** The list's accessible name. Default "Examples". */
  label?: string;
}

const ROW_HEIGHT = 36;

export function ExampleList({ rows, showIntent, readOnly, onEdit, onDelete, onOpenIntent, label = 'Examples' }: ExampleListProps) {
  const parent = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<{ key: string; text: string } | null>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const keyOf = (r: ExampleRow) => `${r.intent}:${r.index}`;
  const commit = (row: ExampleRow) => {
    if (editing && editing.key === keyOf(row) && editing.text.trim() && editing.text !== row.text) onEdit(row, editing.text.trim());
    setEditing(null);
  };
  return (
    <div ref={parent} className="example-list" role="list" aria-label={label} data-testid="example-list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const key = keyOf(row);
          const isEditing = editing?.key === key;
          return (
            <div key={key} role="listitem" className="example-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
              <span className="example-number">{row.index + 1}</span>
              {isEditing ? (
                <input
                  className="input input-sm example-input"
                  aria-label="Edit example"
                  autoFocus
                  value={editing.text}
                  onChange={(e) => setEditing({ key, text: e.target.value })}
                  onBlur={() => commit(row)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') commit(row);
                    if (e.key === 'Escape') setEditing(null);
                  }}
                />
              ) : (
                <button type="button" className="example-text" disabled={readOnly} onClick={() => setEditing({ key, text: row.text })} title={readOnly ? row.text : 'Click to edit'}>
                  {row.text}
                </button>
              )}
              {showIntent && (
                <button type="button" className="example-intent" onClick={() => onOpenIntent?.(row.intent)}>
                  {row.intent}
                </button>
              )}
              {!readOnly && (
                <button type="button" className="icon-button example-delete" aria-label={`Delete example "${row.text}"`} onClick={() => onDelete(row)}>
                  <Icon name="trash" size={13} />
                </button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
