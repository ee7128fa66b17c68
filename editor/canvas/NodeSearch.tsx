// Find a node (Ctrl+F): type to filter by id, type or text; arrows to move; Enter to jump there.
import { useEffect, useMemo, useRef, useState } from 'react';
import { definitionOf } from '../document/node-ports.ts';
import { nodeUiOf } from '../nodes/registry.ts';
import { useDoc, useStudio } from '../studio/studio-context.ts';
import { Icon } from '../ui/Icon.tsx';
import { searchNodes } from './node-search.ts';

export function NodeSearch() {
  const { ui, canvas } = useStudio();
  const nodes = useDoc((d) => d.nodes);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => searchNodes(nodes, query), [nodes, query]);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);
  const close = () => ui.set((u) => ({ ...u, searchOpen: false }));
  const go = (id: string) => {
    canvas.focusNode(id);
    close();
  };
  return (
    <div className="node-search" role="dialog" aria-label="Find a node">
      <div className="node-search-input">
        <Icon name="search" size={16} />
        <input
          ref={input}
          value={query}
          placeholder="Find a node by id, type or text"
          aria-label="Find a node"
          role="combobox"
          aria-expanded="true"
          aria-controls="node-search-results"
          aria-activedescendant={hits[active] ? `node-search-${hits[active].node.id}` : undefined}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, hits.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter' && hits[active]) go(hits[active].node.id);
          }}
        />
        <span className="muted small">{hits.length} found</span>
      </div>
      <ul className="node-search-results" id="node-search-results" role="listbox">
        {hits.map((hit, i) => {
          const ui2 = nodeUiOf(hit.node.type);
          return (
            <li
              key={hit.node.id}
              id={`node-search-${hit.node.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'node-search-hit active' : 'node-search-hit'}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => {
                e.preventDefault();
                go(hit.node.id);
              }}
            >
              <span className={`node-search-icon node-accent--${hit.node.type}`}>
                <Icon name={ui2?.icon ?? 'warning'} size={13} />
              </span>
              <span className="node-search-id">{hit.node.id}</span>
              <span className="node-search-type">{definitionOf(hit.node.type)?.label ?? hit.node.type}</span>
              {hit.excerpt && <span className="node-search-excerpt">{hit.excerpt}</span>}
            </li>
          );
        })}
        {hits.length === 0 && <li className="node-search-empty">No node matches “{query}”.</li>}
      </ul>
    </div>
  );
}
