// Canvas node for a type this editor does not know (a typo in an imported file): shown, so it can
// be fixed or deleted, with the problem on it.
import type { NodeProps } from '@xyflow/react';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { NodeShell } from '../NodeShell.tsx';

export function UnknownNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="warning">
      <p className="flow-node-text is-muted">Unknown type “{data.node.type}”</p>
    </NodeShell>
  );
}
