// "Tidy up layout": elk positions for every node (one undo step), then fit the view.
import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { moveNodes } from '../document/mutations.ts';
import { useStudio } from '../studio/studio-context.ts';
import { notify } from '../ui/toast-store.ts';
import { autoLayout } from './auto-layout.ts';
import type { FlowRfEdge, FlowRfNode } from './flow-elements.ts';

export function useTidyLayout(): { tidy: () => Promise<void>; busy: boolean } {
  const { store } = useStudio();
  const rf = useReactFlow<FlowRfNode, FlowRfEdge>();
  const [busy, setBusy] = useState(false);
  const tidy = async () => {
    setBusy(true);
    try {
      const sizes = new Map(rf.getNodes().map((n) => [n.id, { width: n.measured?.width ?? 260, height: n.measured?.height ?? 90 }]));
      const positions = await autoLayout(store.doc, sizes);
      store.change('Tidy up layout', (d) => moveNodes(d, positions));
      requestAnimationFrame(() => void rf.fitView({ padding: 0.15, maxZoom: 1, duration: 400 }));
    } catch (e) {
      notify('error', 'The layout could not be computed', e instanceof Error ? e.message : undefined);
    } finally {
      setBusy(false);
    }
  };
  return { tidy, busy };
}
