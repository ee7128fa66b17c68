// Canvas node: hand the conversation to a human queue.
import type { NodeProps } from '@xyflow/react';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { NodeShell } from '../NodeShell.tsx';
import { asRecord, str } from '../raw-data.ts';

export function HandoffNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  const d = asRecord(data.node.data);
  const priority = str(d, 'priority', 'normal');
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="handoff">
      <p className="flow-node-text">
        To <strong>{str(d, 'queue') || '?'}</strong>
      </p>
      <div className="flow-node-meta">
        <span className={`meta-chip priority-${priority}`}>{priority}</span>
        <span className="meta-chip">{str(d, 'reason') || 'no reason'}</span>
      </div>
    </NodeShell>
  );
}
