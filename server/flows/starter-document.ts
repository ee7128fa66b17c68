// The document a new flow starts with: start → greeting → end, valid so it can be committed
// (and simulated) right away.
import type { JsonObject } from '../../shared/index.ts';

export function starterDocument(o: { id: string; name: string; locale: string }): JsonObject {
  return {
    schemaVersion: 1,
    id: o.id,
    name: o.name,
    locale: o.locale,
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'greeting', type: 'message', position: { x: 0, y: 120 }, data: { text: 'Hello! How can I help?' } },
      { id: 'end', type: 'end', position: { x: 0, y: 240 }, data: { outcome: 'resolved' } },
    ],
    edges: [
      { id: 'e-start', source: 'start', sourceHandle: 'next', target: 'greeting' },
      { id: 'e-greeting', source: 'greeting', sourceHandle: 'next', target: 'end' },
    ],
  };
}
