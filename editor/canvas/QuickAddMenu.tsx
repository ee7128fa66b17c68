// Shown when a connection is dropped on empty canvas: pick what comes next and it is created
// there, already connected (as in Voiceflow).
import { useEffect, useRef } from 'react';
import { nodeDefinitions, nodeTypes } from '../../shared/index.ts';
import { nodeUis } from '../nodes/registry.ts';
import { Icon } from '../ui/Icon.tsx';
import type { Point } from '../document/mutations.ts';

export function QuickAddMenu({ at, onPick, onClose }: { at: Point; onPick: (type: string) => void; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);
  return (
    <div
      ref={ref}
      className="quick-add"
      role="menu"
      aria-label="Add the next step"
      style={{ left: at.x, top: at.y }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const items = Array.from(ref.current?.querySelectorAll('button') ?? []);
          const i = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
        }
      }}
    >
      <div className="quick-add-title">Add the next step</div>
      {nodeTypes
        .filter((t) => t !== 'start')
        .map((type) => (
          <button key={type} type="button" role="menuitem" className={`quick-add-item node-accent--${type}`} onClick={() => onPick(type)}>
            <Icon name={nodeUis[type].icon} size={14} />
            {nodeDefinitions[type].label}
          </button>
        ))}
    </div>
  );
}
