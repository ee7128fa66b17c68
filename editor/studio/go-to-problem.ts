// Where a problem lives in the studio: a node on the canvas, an escalation rule, an intent, or
// the flow's settings — and how to get there.
import type { Problem } from '../../shared/index.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import { problemNodeId, problemRuleId } from '../document/problem-index.ts';
import type { SmallStore } from '../document/small-store.ts';
import type { CanvasController } from './canvas-controller.ts';
import type { StudioUi } from './studio-ui.ts';

export type ProblemPlace = { kind: 'node'; nodeId: string } | { kind: 'rule'; ruleId: string } | { kind: 'intent'; name: string } | { kind: 'edge'; edgeId: string; nodeId: string | undefined } | { kind: 'settings' };

export function problemPlace(doc: EditorDoc, p: Problem): ProblemPlace {
  const ruleId = problemRuleId(doc, p);
  if (ruleId) return { kind: 'rule', ruleId };
  const nodeId = problemNodeId(doc, p);
  if (nodeId) return { kind: 'node', nodeId };
  if (p.edgeId) return { kind: 'edge', edgeId: p.edgeId, nodeId: doc.edges.find((e) => e.id === p.edgeId)?.source };
  if (p.intent) return { kind: 'intent', name: p.intent };
  const m = /^intents\[(\d+)\]/.exec(p.path);
  const intent = m ? doc.intents?.[Number(m[1])]?.name : undefined;
  if (intent) return { kind: 'intent', name: intent };
  return { kind: 'settings' };
}

export function placeLabel(place: ProblemPlace): string {
  switch (place.kind) {
    case 'node':
      return place.nodeId;
    case 'rule':
      return `rule ${place.ruleId}`;
    case 'intent':
      return `intent ${place.name}`;
    case 'edge':
      return `connection ${place.edgeId}`;
    case 'settings':
      return 'flow settings';
  }
}

export function goToProblem(place: ProblemPlace, ui: SmallStore<StudioUi>, canvas: CanvasController): void {
  switch (place.kind) {
    case 'node':
      ui.set((u) => ({ ...u, view: 'canvas' }));
      canvas.focusNode(place.nodeId);
      return;
    case 'edge':
      ui.set((u) => ({ ...u, view: 'canvas' }));
      if (place.nodeId) canvas.focusNode(place.nodeId);
      canvas.select([], [place.edgeId]);
      return;
    case 'rule':
      ui.set((u) => ({ ...u, view: 'rules', focusRuleId: place.ruleId }));
      return;
    case 'intent':
      ui.set((u) => ({ ...u, view: 'intents', focusIntent: place.name }));
      return;
    case 'settings':
      ui.set((u) => ({ ...u, view: 'settings' }));
  }
}
