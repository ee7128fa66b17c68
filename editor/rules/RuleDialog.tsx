// The full rule workbench (builder, JSON, try box) in a wide dialog, for rules that live in a
// node's narrow inspector.
import type { Json } from '../../shared/index.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { RuleWorkbench } from './RuleWorkbench.tsx';

export function RuleDialog({ open, title, value, onChange, onClose, doc, modelPath, readOnly }: { open: boolean; title: string; value: Json | undefined; onChange: (v: Json) => void; onClose: () => void; doc: EditorDoc; modelPath: string; readOnly: boolean }) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      width={1120}
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Done
        </button>
      }
    >
      {open && <RuleWorkbench value={value} onChange={onChange} doc={doc} modelPath={modelPath} readOnly={readOnly} />}
    </Dialog>
  );
}
