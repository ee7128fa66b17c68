// Canvas node: answer from the knowledge base above a score.
import type { NodeProps } from '@xyflow/react';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { NodeShell } from '../NodeShell.tsx';
import { asRecord, num, str } from '../raw-data.ts';
import { TemplateText } from '../TemplateText.tsx';

export function AnswerNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  const d = asRecord(data.node.data);
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="answer">
      <TemplateText text={str(d, 'template', '{{kb.extract}}')} />
      <div className="flow-node-meta">
        <span className="meta-chip">min score {num(d, 'threshold') ?? 0.35}</span>
      </div>
    </NodeShell>
  );
}
