// Canvas node: a call to the site's webhook.
import type { NodeProps } from '@xyflow/react';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { NodeShell } from '../NodeShell.tsx';
import { asRecord, num, str } from '../raw-data.ts';

export function ActionNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  const d = asRecord(data.node.data);
  const result = str(d, 'resultVariable');
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="action">
      <p className="flow-node-text">
        Call <strong className="mono">{str(d, 'action') || '?'}</strong>
      </p>
      <div className="flow-node-meta">
        <span className="meta-chip">timeout {((num(d, 'timeoutMs') ?? 5000) / 1000).toLocaleString()} s</span>
        {result && (
          <>
            <span className="meta-arrow">→</span>
            <span className="meta-chip meta-var">vars.{result}</span>
          </>
        )}
      </div>
    </NodeShell>
  );
}
