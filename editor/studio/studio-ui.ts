// What the flow studio shows right now (view, selection mirror, open panels, highlights) —
// UI state, kept apart from the document so it never lands in undo history or a save.

export type StudioView = 'canvas' | 'intents' | 'rules' | 'settings' | 'versions';

export const studioViews: readonly StudioView[] = ['canvas', 'intents', 'rules', 'settings', 'versions'];

export type NodeMark = 'added' | 'changed' | 'removed';

export interface StudioUi {
  view: StudioView;
  /** The canvas selection, mirrored for the inspector. */
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  focusRuleId: string | null;
  focusIntent: string | null;
  problemsOpen: boolean;
  simulatorOpen: boolean;
  searchOpen: boolean;
  shortcutsOpen: boolean;
  /** Nodes and edges the simulator's selected turn went through. */
  path: { nodes: readonly string[]; edges: readonly string[]; current: string | null } | null;
}

export const initialStudioUi: StudioUi = {
  view: 'canvas',
  selectedNodeIds: [],
  selectedEdgeIds: [],
  focusRuleId: null,
  focusIntent: null,
  problemsOpen: false,
  simulatorOpen: false,
  searchOpen: false,
  shortcutsOpen: false,
  path: null,
};
