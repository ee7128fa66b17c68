// Autosave never sends two saves at once, always from the revision it has, and stops at a conflict.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentStore } from '../../editor/document/document-store.ts';
import { toEditorDoc, type EditorDoc } from '../../editor/document/editor-document.ts';
import { Autosave, SAVE_DELAY_MS, type SaveTransport } from '../../editor/studio/autosave.ts';

class StaleSave extends Error {}

function fakeServer() {
  let revision = 1;
  const sent: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const transport: SaveTransport = {
    async save(_doc: EditorDoc, baseRevision: number) {
      sent.push(baseRevision);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 50));
      inFlight--;
      if (baseRevision !== revision) throw new StaleSave();
      revision++;
      return { revision, savedAt: new Date(0).toISOString() };
    },
    failure: (e) => (e instanceof StaleSave ? { conflict: { revision, savedBy: { id: 'u2', email: 'b@example.com', name: 'B' }, savedAt: '' }, message: 'stale', retry: false } : { conflict: null, message: String(e), retry: true }),
  };
  return { transport, sent, bump: () => revision++, get maxInFlight() { return maxInFlight; } };
}

const doc = () => toEditorDoc({ schemaVersion: 1, id: 'demo', name: 'Demo', nodes: [] });

describe('Autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves after a pause, one request at a time, each from the revision the last one returned', async () => {
    const server = fakeServer();
    const store = new DocumentStore(doc());
    const autosave = new Autosave(store, server.transport, 1, null, false);
    const stop = autosave.start();
    store.change('a', (d) => ({ ...d, name: 'A' }));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    store.change('b', (d) => ({ ...d, name: 'B' }));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    store.change('c', (d) => ({ ...d, name: 'C' }));
    const flushed = autosave.flush();
    await vi.advanceTimersByTimeAsync(500);
    expect(await flushed).toBe(true);
    expect(server.sent).toEqual([1, 2, 3]);
    expect(server.maxInFlight).toBe(1);
    expect(autosave.state.get()).toMatchObject({ status: 'saved', revision: 4 });
    stop();
  });

  it('stops at a stale save and reports who saved last', async () => {
    const server = fakeServer();
    server.bump();
    const store = new DocumentStore(doc());
    const autosave = new Autosave(store, server.transport, 1, null, false);
    const stop = autosave.start();
    store.change('a', (d) => ({ ...d, name: 'A' }));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 100);
    expect(autosave.state.get()).toMatchObject({ status: 'conflict', conflict: { revision: 2, savedBy: { name: 'B' } } });
    store.change('b', (d) => ({ ...d, name: 'B' }));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 100);
    expect(server.sent).toEqual([1]);
    const overwritten = autosave.overwrite();
    await vi.advanceTimersByTimeAsync(100);
    await overwritten;
    expect(server.sent).toEqual([1, 2]);
    expect(autosave.state.get()).toMatchObject({ status: 'saved', revision: 3 });
    stop();
  });

  it('does nothing before start (a render React discards leaves no saver behind)', async () => {
    const server = fakeServer();
    const store = new DocumentStore(doc());
    new Autosave(store, server.transport, 1, null, false);
    store.change('a', (d) => ({ ...d, name: 'A' }));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 3);
    expect(server.sent).toEqual([]);
  });

  it('waits while the session has ended, saves nothing meanwhile, then saves the latest edits once signed in again', async () => {
    class SessionEnded extends Error {}
    let signedIn = false;
    let resume!: () => void;
    const sent: string[] = [];
    const transport: SaveTransport = {
      async save(d: EditorDoc) {
        sent.push(d.name);
        if (!signedIn) throw new SessionEnded();
        return { revision: 2, savedAt: new Date(0).toISOString() };
      },
      failure: (e) => (e instanceof SessionEnded ? { conflict: null, message: 'session ended', retry: false, resumeWhen: new Promise<void>((r) => (resume = r)) } : { conflict: null, message: String(e), retry: true }),
    };
    const store = new DocumentStore(doc());
    const autosave = new Autosave(store, transport, 1, null, false);
    const stop = autosave.start();
    store.change('a', (d) => ({ ...d, name: 'A' }));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(autosave.state.get()).toMatchObject({ status: 'error', error: 'session ended' });
    store.change('b', (d) => ({ ...d, name: 'B' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual(['A']);
    expect(autosave.dirty).toBe(true);

    signedIn = true;
    resume();
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual(['A', 'B']);
    expect(autosave.state.get()).toMatchObject({ status: 'saved', revision: 2 });
    expect(autosave.dirty).toBe(false);
    stop();
  });
});
