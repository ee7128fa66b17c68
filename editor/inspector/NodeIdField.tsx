// The node's id, renamable: edges follow; a taken or empty id is refused with a reason.
import { useEffect, useState } from 'react';
import { renameNode } from '../document/mutations.ts';
import { useStudio } from '../studio/studio-context.ts';

export function NodeIdField({ nodeId }: { nodeId: string }) {
  const { store, canvas, readOnly } = useStudio();
  const [text, setText] = useState(nodeId);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(nodeId);
    setError(null);
  }, [nodeId]);
  const commit = () => {
    if (text === nodeId) return;
    const result = renameNode(store.doc, nodeId, text);
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    store.change('Rename node', () => result.doc);
    requestAnimationFrame(() => canvas.select([text.trim()]));
  };
  return (
    <div className={error ? 'node-id-field has-error' : 'node-id-field'}>
      <label htmlFor="inspector-node-id" className="field-label">
        Node id
      </label>
      <input
        id="inspector-node-id"
        className="input mono input-sm"
        value={text}
        readOnly={readOnly}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? 'inspector-node-id-error' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(nodeId);
        }}
      />
      {error && (
        <p className="field-error" id="inspector-node-id-error">
          {error}
        </p>
      )}
    </div>
  );
}
