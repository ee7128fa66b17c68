// The keyboard shortcuts, one `?` away.
import { Dialog } from '../ui/Dialog.tsx';
import { Kbd } from '../ui/Kbd.tsx';

const shortcuts: Array<[string, string]> = [
  ['Mod+Z', 'Undo'],
  ['Mod+Shift+Z', 'Redo'],
  ['Mod+S', 'Save the draft now'],
  ['Mod+C', 'Copy selected nodes'],
  ['Mod+X', 'Cut selected nodes'],
  ['Mod+V', 'Paste'],
  ['Mod+D', 'Duplicate selected nodes'],
  ['Mod+A', 'Select all nodes'],
  ['Delete', 'Delete the selection'],
  ['Mod+F', 'Find a node'],
  ['Shift+1', 'Fit the flow on screen'],
  ['+', 'Zoom in'],
  ['-', 'Zoom out'],
  ['Esc', 'Clear the selection'],
  ['?', 'This list'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose} width={420}>
      <dl className="shortcut-list">
        {shortcuts.map(([keys, what]) => (
          <div key={keys} className="shortcut-row">
            <dt>
              <Kbd keys={keys} />
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">Shift-click or Ctrl-click to select several nodes; drag on empty canvas with Shift to select an area.</p>
    </Dialog>
  );
}
