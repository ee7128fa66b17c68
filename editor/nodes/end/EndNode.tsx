// Canvas node: the conversation ends, resolved or abandoned.
import type { NodeProps } from '@xyflow/react';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { NodeShell } from '../NodeShell.tsx';
import { asRecord, str } from '../raw-data.ts';
import { TemplateText } from '../TemplateText.tsx';

export function EndNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  const d = asRecord(data.node.data);
  const outcome = str(d, 'outcome', 'resolved');
  const text = str(d, 'text');
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="end">
      {text && <TemplateText text={text} />}
      <div className="flow-node-meta">
        <span className={`meta-chip outcome-${outcome}`}>{outcome}</span>
      </div>
    </NodeShell>
  );
}
