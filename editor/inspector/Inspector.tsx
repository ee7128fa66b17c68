// The right-hand panel: the selected node's form (its type's panel, errors inline), or what to do
// with a multi-selection, or a hint when nothing is selected.
import { useCallback } from 'react';
import { copyFragment, pasteFragment } from '../document/clipboard.ts';
import { removeElements, updateNodeData } from '../document/mutations.ts';
import { definitionOf } from '../document/node-ports.ts';
import { problemField } from '../document/problem-index.ts';
import { ErrorBoundary } from '../app/ErrorBoundary.tsx';
import { nodeUiOf } from '../nodes/registry.ts';
import { asRecord, type RawData } from '../nodes/raw-data.ts';
import type { UpdateNodeOptions } from '../document/mutations.ts';
import { useDoc, useProblems, useStudio, useUi } from '../studio/studio-context.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { JsonField } from './fields/JsonField.tsx';
import { fieldErrors } from './field-errors.ts';
import { NodeIdField } from './NodeIdField.tsx';
import type { Json, Problem } from '../../shared/index.ts';

const noProblems: readonly Problem[] = [];

export function Inspector() {
  const selected = useUi((u) => u.selectedNodeIds);
  const edgeIds = useUi((u) => u.selectedEdgeIds);
  const { store, canvas, readOnly } = useStudio();
  if (selected.length === 1) return <NodeInspector key={selected[0]} nodeId={selected[0]!} />;
  if (selected.length > 1) {
    return (
      <aside className="inspector" aria-label="Inspector">
        <div className="inspector-multi">
          <h2>{selected.length} nodes selected</h2>
          <p className="muted">Drag any of them to move them together. Copy with Ctrl+C, paste with Ctrl+V.</p>
          {!readOnly && (
            <div className="button-row">
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => {
                  let ids: string[] = [];
                  store.change(`Duplicate ${selected.length} nodes`, (d) => {
                    const pasted = pasteFragment(d, copyFragment(d, new Set(selected)), { x: 40, y: 40 });
                    ids = pasted.nodeIds;
                    return pasted.doc;
                  });
                  requestAnimationFrame(() => canvas.select(ids));
                }}
              >
                <Icon name="copy" size={14} /> Duplicate
              </button>
              <button type="button" className="btn btn-sm btn-danger" onClick={() => store.change(`Delete ${selected.length} nodes`, (d) => removeElements(d, selected, []))}>
                <Icon name="trash" size={14} /> Delete
              </button>
            </div>
          )}
        </div>
      </aside>
    );
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      {edgeIds.length > 0 && !readOnly ? (
        <div className="inspector-multi">
          <h2>Connection selected</h2>
          <p className="muted">Press Delete to remove it, or drag its end to another node.</p>
          <button type="button" className="btn btn-sm btn-danger" onClick={() => store.change('Delete connection', (d) => removeElements(d, [], edgeIds))}>
            <Icon name="trash" size={14} /> Delete connection
          </button>
        </div>
      ) : (
        <EmptyState icon="sliders" title="Nothing selected">
          Select a node to edit it. Add steps from the palette on the left; connect a port on the right of a node to the next step.
        </EmptyState>
      )}
    </aside>
  );
}

function NodeInspector({ nodeId }: { nodeId: string }) {
  const { store, canvas, readOnly } = useStudio();
  const node = useDoc((d) => d.nodes.find((n) => n.id === nodeId));
  const doc = useDoc((d) => d);
  const stableProblems = useProblems((p) => p.byNode.get(nodeId) ?? noProblems);
  const update = useCallback(
    (data: RawData, options: UpdateNodeOptions & { coalesce?: string } = {}) => {
      const { coalesce, ...rest } = options;
      store.change('Edit node', (d) => updateNodeData(d, nodeId, data, rest), coalesce ? { coalesceKey: `${nodeId}:${coalesce}` } : {});
    },
    [store, nodeId],
  );
  if (!node) {
    return (
      <aside className="inspector" aria-label="Inspector">
        <EmptyState icon="sliders" title="This node was removed" />
      </aside>
    );
  }
  const ui = nodeUiOf(node.type);
  const def = definitionOf(node.type);
  const data = asRecord(node.data);
  const errors = fieldErrors(node.type, node.data, stableProblems);
  const nodeProblems = stableProblems.filter((p) => !problemField(p));
  const Panel = ui?.Panel;
  return (
    <aside className="inspector" aria-label="Inspector">
      <header className={`inspector-header node-accent--${node.type}`}>
        <span className="inspector-icon">
          <Icon name={ui?.icon ?? 'warning'} size={16} />
        </span>
        <div className="inspector-title">
          <h2>{def?.label ?? `Unknown type "${node.type}"`}</h2>
          <p className="muted small">{def?.description}</p>
        </div>
        {!readOnly && (
          <button type="button" className="icon-button" aria-label="Delete node" title="Delete node (Delete)" onClick={() => store.change('Delete node', (d) => removeElements(d, [nodeId], []))}>
            <Icon name="trash" size={15} />
          </button>
        )}
      </header>
      <div className="inspector-body">
        <NodeIdField nodeId={nodeId} />
        {nodeProblems.length > 0 && (
          <ul className="inspector-problems" aria-label="Problems with this node">
            {nodeProblems.map((p, i) => (
              <li key={i} className={`problem-${p.severity}`}>
                <Icon name={p.severity === 'error' ? 'error' : 'warning'} size={13} />
                <span>{p.message}</span>
              </li>
            ))}
          </ul>
        )}
        {Panel ? (
          <ErrorBoundary
            key={nodeId}
            fallback={() => (
              <p className="panel-note warning-text">This node's data does not fit its form; fix it as JSON below.</p>
            )}
          >
            <div className="inspector-form">
              <Panel nodeId={nodeId} data={data} errors={errors} update={update} readOnly={readOnly} doc={doc} />
            </div>
          </ErrorBoundary>
        ) : (
          <p className="panel-note">Change this node's type in the JSON below, or delete it.</p>
        )}
        {!Panel && errors.size > 0 && <p className="field-error">{[...errors.values()][0]}</p>}
        <details className="inspector-advanced">
          <summary>Advanced: data as JSON</summary>
          <JsonField label="Node data" logic={false} value={node.data as Json} readOnly={readOnly} onChange={(v) => update(asRecord(v))} />
        </details>
        <p className="muted small inspector-footnote">
          <button type="button" className="link-button" onClick={() => canvas.focusNode(nodeId)}>
            Show on canvas
          </button>
        </p>
      </div>
    </aside>
  );
}
