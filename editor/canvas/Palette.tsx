// The node palette: drag a node type onto the canvas, or press Enter/click to add it in view.
import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { nodeDefinitions, nodeTypes, type NodeType } from '../../shared/index.ts';
import { addNode } from '../document/mutations.ts';
import { nodeUis } from '../nodes/registry.ts';
import { paletteGroups } from '../nodes/node-ui.ts';
import { useStudio } from '../studio/studio-context.ts';
import { Icon } from '../ui/Icon.tsx';
import { DROP_OFFSET, PALETTE_MIME } from './palette-drag.ts';

export function Palette() {
  const { store, canvas } = useStudio();
  const rf = useReactFlow();
  const [filter, setFilter] = useState('');
  const matches = (type: NodeType) => {
    const q = filter.trim().toLowerCase();
    return !q || `${type} ${nodeDefinitions[type].label} ${nodeDefinitions[type].description}`.toLowerCase().includes(q);
  };
  const addInView = (type: NodeType) => {
    const pane = document.querySelector('.canvas')?.getBoundingClientRect();
    const center = pane ? rf.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }) : { x: 0, y: 0 };
    const jitter = (store.doc.nodes.length % 5) * 24;
    let id = '';
    store.change(`Add ${type}`, (d) => {
      const added = addNode(d, type, { x: center.x - DROP_OFFSET.x + jitter, y: center.y - DROP_OFFSET.y + jitter });
      id = added.id;
      return added.doc;
    });
    requestAnimationFrame(() => canvas.select([id]));
  };
  return (
    <aside className="palette" aria-label="Node palette">
      <div className="palette-search">
        <Icon name="search" size={14} />
        <input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter steps" aria-label="Filter steps" />
      </div>
      {paletteGroups.map((group) => {
        const types = nodeTypes.filter((t) => nodeUis[t].group === group && matches(t));
        if (types.length === 0) return null;
        return (
          <section key={group} className="palette-group" aria-label={group}>
            <h3 className="palette-group-title">{group}</h3>
            <ul>
              {types.map((type) => (
                <li key={type}>
                  <button
                    type="button"
                    className={`palette-item node-accent--${type}`}
                    draggable
                    data-node-type={type}
                    title={nodeDefinitions[type].description}
                    aria-label={`Add ${nodeDefinitions[type].label}: ${nodeDefinitions[type].description}`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_MIME, type);
                      e.dataTransfer.effectAllowed = 'move';
                    }}
                    onClick={() => addInView(type)}
                  >
                    <span className="palette-icon">
                      <Icon name={nodeUis[type].icon} size={15} />
                    </span>
                    <span className="palette-text">
                      <span className="palette-label">{nodeDefinitions[type].label}</span>
                      <span className="palette-desc">{nodeDefinitions[type].description}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <p className="palette-hint">Drag onto the canvas, or click to add in view. Drop a connection on empty space to add and connect in one go.</p>
    </aside>
  );
}
