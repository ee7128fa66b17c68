// Accessible tabs (WAI-ARIA tabs pattern with arrow-key navigation); the caller renders the panel.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabSpec<K extends string> {
  id: K;
  label: ReactNode;
  /** Shown after the label, e.g. a count. */
  badge?: ReactNode;
}

export function Tabs<K extends string>({ tabs, value, onChange, label, idPrefix }: { tabs: readonly TabSpec<K>[]; value: K; onChange: (id: K) => void; label: string; idPrefix: string }) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (next) {
      onChange(next.id);
      refs.current.get(next.id)?.focus();
    }
  };
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            if (el) refs.current.set(tab.id, el);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === value}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={tab.id === value ? 0 : -1}
          className={tab.id === value ? 'tab active' : 'tab'}
          onClick={() => onChange(tab.id)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {tab.label}
          {tab.badge !== undefined && tab.badge !== null && <span className="tab-badge">{tab.badge}</span>}
        </button>
      ))}
    </div>
  );
}
