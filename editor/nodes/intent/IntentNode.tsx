// Canvas node: routes by intent; one port per routed intent plus the fallbacks.
import type { NodeProps } from '@xyflow/react';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { NodeShell } from '../NodeShell.tsx';
import { asRecord, num, str } from '../raw-data.ts';
import { TemplateText } from '../TemplateText.tsx';

export function IntentNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  const d = asRecord(data.node.data);
  const threshold = num(d, 'confidenceThreshold');
  const prompt = str(d, 'prompt');
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="intent">
      {prompt && <TemplateText text={prompt} />}
      <div className="flow-node-meta">
        <span className="meta-chip">waits for the customer</span>
        <span className="meta-chip">{threshold === undefined ? 'flow threshold' : `threshold ${threshold}`}</span>
      </div>
    </NodeShell>
  );
}
