// The editor's document model: undo history, mutations that keep connections honest, clipboard.
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../editor/document/document-store.ts';
import { toEditorDoc, type EditorDoc } from '../../editor/document/editor-document.ts';
import { addNode, connect, removeElements, renameNode, updateNodeData } from '../../editor/document/mutations.ts';
import { copyFragment, pasteFragment } from '../../editor/document/clipboard.ts';
import { portsOfRaw } from '../../editor/document/node-ports.ts';
import { renameIntent } from '../../editor/document/intent-mutations.ts';

const base = (): EditorDoc =>
  toEditorDoc({
    schemaVersion: 1,
    id: 'demo',
    name: 'Demo',
    intents: [{ name: 'greeting', examples: ['hi'] }, { name: 'bye', examples: ['bye'] }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'router', type: 'intent', position: { x: 300, y: 0 }, data: { intents: ['greeting', 'bye'] } },
      { id: 'end', type: 'end', position: { x: 600, y: 0 }, data: { outcome: 'resolved' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'router' },
      { id: 'e2', source: 'router', sourceHandle: 'greeting', target: 'end' },
      { id: 'e3', source: 'router', sourceHandle: 'bye', target: 'end' },
    ],
  });

describe('DocumentStore', () => {
  it('undoes and redoes, and merges a burst of typing into one step', () => {
    let now = 0;
    const store = new DocumentStore(base(), () => now);
    const type = (text: string) => store.change('Edit', (d) => ({ ...d, name: text }), { coalesceKey: 'name' });
    type('D');
    now += 100;
    type('De');
    now += 100;
    type('Dem');
    now += 5000;
    store.change('Add', (d) => addNode(d, 'message', { x: 0, y: 0 }).doc);
    expect(store.doc.nodes).toHaveLength(4);
    store.undo();
    expect(store.doc.nodes).toHaveLength(3);
    expect(store.doc.name).toBe('Dem');
    store.undo();
    expect(store.doc.name).toBe('Demo');
    expect(store.get().canUndo).toBe(false);
    store.redo();
    expect(store.doc.name).toBe('Dem');
  });

  it('records nothing for a change that changes nothing', () => {
    const store = new DocumentStore(base());
    store.change('Nothing', (d) => d);
    expect(store.get().canUndo).toBe(false);
  });
});

describe('mutations', () => {
  it('replaces the edge of a port instead of adding a second one', () => {
    const { doc } = connect(base(), { source: 'router', sourceHandle: 'greeting', target: 'start' });
    expect(doc.edges.filter((e) => e.source === 'router' && e.sourceHandle === 'greeting')).toEqual([{ id: 'e2', source: 'router', sourceHandle: 'greeting', target: 'start' }]);
  });

  it('drops edges of removed ports only once the data is valid, so half-typed data keeps its connections', () => {
    const halfTyped = updateNodeData(base(), 'router', { intents: [] });
    expect(halfTyped.edges).toHaveLength(3);
    const valid = updateNodeData(base(), 'router', { intents: ['greeting'] });
    expect(valid.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('keeps ports drawable while data is invalid', () => {
    expect(portsOfRaw('intent', { intents: [] }).map((p) => p.id)).toEqual(['low_confidence', 'out_of_scope']);
    expect(portsOfRaw('message', { text: '' }).map((p) => p.id)).toEqual(['next']);
    expect(portsOfRaw('condition', { mode: 'cases', cases: [{ id: 'a', when: true }], stray: 1 }).map((p) => p.id)).toEqual(['a', 'else']);
  });

  it('renames nodes and intents without losing connections', () => {
    const renamed = renameNode(base(), 'router', 'main_router');
    expect(renamed.ok && renamed.doc.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['start>main_router', 'main_router>end', 'main_router>end']);
    expect(renameNode(base(), 'router', 'end')).toEqual({ ok: false, reason: 'Another node is already called "end".' });
    const doc = renameIntent(base(), 'bye', 'goodbye');
    expect(doc.edges.find((e) => e.id === 'e3')?.sourceHandle).toBe('goodbye');
    expect((doc.nodes[1]!.data as { intents: string[] }).intents).toEqual(['greeting', 'goodbye']);
  });

  it('removes a node with its edges, and pastes copies with fresh ids and inner edges', () => {
    expect(removeElements(base(), ['router'], []).edges).toEqual([]);
    const fragment = copyFragment(base(), new Set(['start', 'router', 'end']));
    const pasted = pasteFragment(base(), fragment, { x: 40, y: 40 });
    expect(pasted.nodeIds).toEqual(['router_copy', 'end_copy']);
    expect(pasted.doc.edges.slice(3).map((e) => `${e.source}>${e.target}`)).toEqual(['router_copy>end_copy', 'router_copy>end_copy']);
  });
});
