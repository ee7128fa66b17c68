// Canvas node: a rule with true/false ports, or ordered cases with one port each.
import type { NodeProps } from '@xyflow/react';
import type { Json } from '../../../shared/index.ts';
import type { FlowRfNode } from '../../canvas/flow-elements.ts';
import { describeLogic } from '../../rules/describe-logic.ts';
import { NodeShell } from '../NodeShell.tsx';
import { asRecord, recordList, str } from '../raw-data.ts';

export function ConditionNode({ id, data, selected }: NodeProps<FlowRfNode>) {
  const d = asRecord(data.node.data);
  const cases = str(d, 'mode') === 'cases';
  return (
    <NodeShell id={id} data={data} selected={!!selected} icon="condition">
      {cases ? (
        <p className="flow-node-text is-muted">First matching case of {recordList(d, 'cases').length}</p>
      ) : (
        <p className="flow-node-rule" title={JSON.stringify(d.when)}>
          {describeLogic(d.when as Json | undefined)}
        </p>
      )}
    </NodeShell>
  );
}
