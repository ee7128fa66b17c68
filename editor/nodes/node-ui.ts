// What the editor knows about a node type beyond its shared definition: how it looks on the
// canvas, where it sits in the palette, and the inspector panel that edits it.
import type { ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowRfNode } from '../canvas/flow-elements.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import type { UpdateNodeOptions } from '../document/mutations.ts';
import type { IconName } from '../ui/Icon.tsx';
import type { RawData } from './raw-data.ts';

export type PaletteGroup = 'Talk' | 'Understand' | 'Logic' | 'Connect' | 'Finish';

export const paletteGroups: readonly PaletteGroup[] = ['Talk', 'Understand', 'Logic', 'Connect', 'Finish'];

export interface NodePanelProps {
  nodeId: string;
  data: RawData;
  /** Field path relative to the data (`prompt`, `cases.1.when`) → what is wrong with it. */
  errors: ReadonlyMap<string, string>;
  /** Replaces the node's data. `coalesce` merges a burst of edits to one field into one undo step. */
  update: (data: RawData, options?: UpdateNodeOptions & { coalesce?: string }) => void;
  readOnly: boolean;
  doc: EditorDoc;
}

export interface NodeUi {
  icon: IconName;
  group: PaletteGroup;
  Node: ComponentType<NodeProps<FlowRfNode>>;
  Panel: ComponentType<NodePanelProps>;
}
