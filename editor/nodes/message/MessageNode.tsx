// Canvas node: one bot message, placeholders shown as chips.
import type { NodeProps } from '@xyflow/react';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { NodeShell } from '../NodeShell.tsx';
import { asRecord, str } from '../raw-data.ts';
import { TemplateText } from '../TemplateText.tsx';

export function MessageNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="message">
      <TemplateText text={str(asRecord(data.node.data), 'text')} />
    </NodeShell>
  );
}
