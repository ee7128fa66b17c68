// A one-click offer to tidy up when many nodes overlap (e.g. a flow imported from a file laid
// out for smaller cards). Layout never changes what reviewers approve.
import { useMemo, useState } from 'react';
import { Panel } from '@xyflow/react';
import { Icon } from '../ui/Icon.tsx';
import type { FlowRfNode } from './flow-elements.ts';
import { useTidyLayout } from './use-tidy-layout.ts';
import { overlappingNodes } from './overlap.ts';

export function LayoutHint({ nodes }: { nodes: readonly FlowRfNode[] }) {
  const { tidy, busy } = useTidyLayout();
  const [dismissed, setDismissed] = useState(false);
  const measured = nodes.length > 0 && nodes.every((n) => n.measured?.width);
  const count = useMemo(
    () => (measured ? overlappingNodes(nodes.map((n) => ({ x: n.position.x, y: n.position.y, width: n.measured!.width!, height: n.measured!.height! }))) : 0),
    [nodes, measured],
  );
  if (dismissed || count < 2) return null;
  return (
    <Panel position="top-center" className="layout-hint" role="status">
      <Icon name="layout" size={15} />
      <span>{count} nodes overlap others.</span>
      <button type="button" className="btn btn-xs btn-primary" onClick={() => void tidy().then(() => setDismissed(true))} disabled={busy}>
        {busy ? 'Arranging…' : 'Tidy up layout'}
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setDismissed(true)}>
        <Icon name="x" size={13} />
      </button>
    </Panel>
  );
}
