// Canvas node: where every conversation begins.
import type { NodeProps } from '@xyflow/react';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { NodeShell } from '../NodeShell.tsx';

export function StartNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="play" noTarget>
      <p className="flow-node-text is-muted">Conversation starts here</p>
    </NodeShell>
  );
}
