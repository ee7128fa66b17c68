// One accent colour per node type, shared by the canvas CSS, the palette and the minimap.
import { isNodeType, type NodeType } from '../../shared/index.ts';

export const nodeColors: Record<NodeType, string> = {
  start: '#16a34a',
  message: '#2563eb',
  ask: '#0d9488',
  intent: '#7c3aed',
  condition: '#d97706',
  set: '#475569',
  answer: '#0891b2',
  action: '#ea580c',
  handoff: '#e11d48',
  csat: '#ca8a04',
  end: '#64748b',
};

export function minimapColor(type: string): string {
  return isNodeType(type) ? nodeColors[type] : '#94a3b8';
}
