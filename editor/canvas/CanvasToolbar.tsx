// The floating toolbar over the canvas: undo/redo, zoom, fit, tidy layout, search.
import { Panel, useReactFlow } from '@xyflow/react';
import { shallowEqualObjects, useStoreValue } from '../document/small-store.ts';
import { useStudio } from '../studio/studio-context.ts';
import { Icon, type IconName } from '../ui/Icon.tsx';
import type { FlowRfEdge, FlowRfNode } from './flow-elements.ts';
import { useTidyLayout } from './use-tidy-layout.ts';

function ToolButton({ icon, label, shortcut, onClick, disabled }: { icon: IconName; label: string; shortcut?: string; onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" className="tool-button" onClick={onClick} disabled={disabled} aria-label={label} title={shortcut ? `${label} (${shortcut})` : label}>
      <Icon name={icon} size={16} />
    </button>
  );
}

export function CanvasToolbar() {
  const { store, ui, readOnly } = useStudio();
  const rf = useReactFlow<FlowRfNode, FlowRfEdge>();
  const { canUndo, canRedo, undoLabel, redoLabel } = useStoreValue(
    store,
    (s) => ({ canUndo: s.canUndo, canRedo: s.canRedo, undoLabel: s.undoLabel, redoLabel: s.redoLabel }),
    shallowEqualObjects,
  );
  const { tidy, busy: laying } = useTidyLayout();

  return (
    <Panel position="bottom-left" className="canvas-toolbar" aria-label="Canvas tools">
      {!readOnly && (
        <>
          <ToolButton icon="undo" label={undoLabel ? `Undo ${undoLabel.toLowerCase()}` : 'Undo'} shortcut="Ctrl+Z" onClick={() => store.undo()} disabled={!canUndo} />
          <ToolButton icon="redo" label={redoLabel ? `Redo ${redoLabel.toLowerCase()}` : 'Redo'} shortcut="Ctrl+Shift+Z" onClick={() => store.redo()} disabled={!canRedo} />
          <span className="tool-sep" />
        </>
      )}
      <ToolButton icon="zoomOut" label="Zoom out" shortcut="-" onClick={() => void rf.zoomOut({ duration: 150 })} />
      <ToolButton icon="zoomIn" label="Zoom in" shortcut="+" onClick={() => void rf.zoomIn({ duration: 150 })} />
      <ToolButton icon="fit" label="Fit the flow on screen" shortcut="Shift+1" onClick={() => void rf.fitView({ padding: 0.15, maxZoom: 1, duration: 300 })} />
      <span className="tool-sep" />
      {!readOnly && <ToolButton icon="layout" label={laying ? 'Arranging…' : 'Tidy up layout'} onClick={() => void tidy()} disabled={laying} />}
      <ToolButton icon="search" label="Find a node" shortcut="Ctrl+F" onClick={() => ui.set((u) => ({ ...u, searchOpen: true }))} />
    </Panel>
  );
}
