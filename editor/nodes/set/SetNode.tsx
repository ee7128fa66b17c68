// Canvas node: variable assignments, read aloud.
import type { NodeProps } from '@xyflow/react';
import type { Json } from '../../../shared/index.ts';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { describeLogic } from '../../rules/describe-logic.ts';
import { NodeShell } from '../NodeShell.tsx';
import { asRecord, recordList, str } from '../raw-data.ts';

export function SetNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  const assignments = recordList(asRecord(data.node.data), 'assignments');
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="set">
      <ul className="flow-node-list">
        {assignments.slice(0, 4).map((a, i) => (
          <li key={i}>
            <span className="meta-var">vars.{str(a, 'variable') || '?'}</span> = {describeLogic(a.value as Json | undefined)}
          </li>
        ))}
        {assignments.length > 4 && <li className="is-muted">+{assignments.length - 4} more</li>}
        {assignments.length === 0 && <li className="is-muted">No assignments</li>}
      </ul>
    </NodeShell>
  );
}
