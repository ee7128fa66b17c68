// Canvas node: a question whose answer is checked and stored in a variable.
import type { NodeProps } from '@xyflow/react';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { NodeShell } from '../NodeShell.tsx';
import { asRecord, str } from '../raw-data.ts';
import { TemplateText } from '../TemplateText.tsx';

export function AskNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  const d = asRecord(data.node.data);
  const variable = str(d, 'variable');
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="ask">
      <TemplateText text={str(d, 'prompt')} empty="No question yet" />
      <div className="flow-node-meta">
        <span className="meta-chip">{str(d, 'valueType', 'text').replace('_', '/')}</span>
        <span className="meta-arrow">→</span>
        <span className="meta-chip meta-var">{variable ? `vars.${variable}` : 'no variable'}</span>
      </div>
    </NodeShell>
  );
}
