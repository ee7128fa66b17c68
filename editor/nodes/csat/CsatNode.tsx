// Canvas node: ask for a 1–5 rating.
import type { NodeProps } from '@xyflow/react';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { NodeShell } from '../NodeShell.tsx';
import { asRecord, str } from '../raw-data.ts';
import { TemplateText } from '../TemplateText.tsx';

export function CsatNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="csat">
      <TemplateText text={str(asRecord(data.node.data), 'prompt', 'How did we do? Rate us from 1 (poor) to 5 (great).')} />
      <div className="flow-node-meta">
        <span className="meta-chip">1–5</span>
        <span className="meta-arrow">→</span>
        <span className="meta-chip meta-var">conversation.csat</span>
      </div>
    </NodeShell>
  );
}
