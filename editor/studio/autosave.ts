// Autosave of the draft with optimistic concurrency: saves shortly after edits stop, one request
// at a time, always naming the revision it started from. A stale save (someone else saved) stops
// autosave and asks the person what to do; network failures retry with backoff.
import type { SaveConflict } from '../api/api-failure.ts';
import type { DocumentStore } from '../document/document-store.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import { createSmallStore, type SmallStore } from '../document/small-store.ts';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict' | 'readonly';

export interface SaveState {
  status: SaveStatus;
  /** The draft revision the server has from us (the base of the next save). */
  revision: number;
  savedAt: string | null;
  error: string | null;
  conflict: SaveConflict | null;
}

export interface SaveTransport {
  save(doc: EditorDoc, baseRevision: number): Promise<{ revision: number; savedAt: string }>;
  /**
   * Classifies a failed save. `resumeWhen` (e.g. the person signing in again after their session
   * ended) pauses autosave until it resolves, then saves again.
   */
  failure(error: unknown): { conflict: SaveConflict | null; message: string; retry: boolean; resumeWhen?: Promise<void> };
}

/** Quiet time after the last edit before saving. Default 800 ms. */
export const SAVE_DELAY_MS = 800;

export class Autosave {
  readonly state: SmallStore<SaveState>;
  #store: DocumentStore;
  #transport: SaveTransport;
  #savedVersion: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | null = null;
  #retryMs = 2000;
  #readOnly: boolean;
  /** Set while a failed save waits for `resumeWhen`; no save is attempted meanwhile. */
  #paused = false;

  /** Pure: nothing happens until `start` (so a render React throws away leaves nothing behind). */
  constructor(store: DocumentStore, transport: SaveTransport, revision: number, savedAt: string | null, readOnly: boolean) {
    this.#store = store;
    this.#transport = transport;
    this.#readOnly = readOnly;
    this.#savedVersion = store.get().version;
    this.state = createSmallStore<SaveState>({ status: readOnly ? 'readonly' : 'saved', revision, savedAt, error: null, conflict: null });
  }

  /** Starts watching the document; returns the function that stops it (and any pending save timer). */
  start(): () => void {
    const unsubscribe = this.#readOnly ? () => undefined : this.#store.subscribe(() => this.#onChange());
    return () => {
      unsubscribe();
      if (this.#timer !== undefined) clearTimeout(this.#timer);
    };
  }

  get dirty(): boolean {
    return this.#store.get().version !== this.#savedVersion;
  }

  #onChange(): void {
    const s = this.state.get();
    if (s.status === 'conflict' || s.status === 'readonly' || this.#paused) return;
    if (this.dirty && s.status !== 'saving') this.state.set({ ...s, status: 'dirty' });
    this.#schedule(SAVE_DELAY_MS);
  }

  #schedule(ms: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), ms);
  }

  /** Saves now if there are unsaved changes; resolves when the draft is saved (or saving failed). */
  async flush(): Promise<boolean> {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#inFlight) await this.#inFlight;
    const s = this.state.get();
    if (s.status === 'conflict' || s.status === 'readonly' || this.#paused) return false;
    if (!this.dirty) return true;
    this.#inFlight = this.#save();
    await this.#inFlight;
    this.#inFlight = null;
    if (this.dirty && this.state.get().status === 'dirty') return this.flush();
    return this.state.get().status === 'saved';
  }

  async #save(baseRevision = this.state.get().revision): Promise<void> {
    const snapshot = this.#store.get();
    this.state.set({ ...this.state.get(), status: 'saving', error: null });
    try {
      const saved = await this.#transport.save(snapshot.doc, baseRevision);
      this.#savedVersion = snapshot.version;
      this.#retryMs = 2000;
      this.state.set({ status: this.dirty ? 'dirty' : 'saved', revision: saved.revision, savedAt: saved.savedAt, error: null, conflict: null });
    } catch (error) {
      const f = this.#transport.failure(error);
      if (f.conflict) {
        this.state.set({ ...this.state.get(), status: 'conflict', conflict: f.conflict, error: f.message });
        return;
      }
      this.state.set({ ...this.state.get(), status: 'error', error: f.message });
      if (f.resumeWhen) {
        this.#paused = true;
        void f.resumeWhen.then(() => {
          this.#paused = false;
          void this.flush();
        });
      } else if (f.retry) {
        this.#schedule(this.#retryMs);
        this.#retryMs = Math.min(this.#retryMs * 2, 30_000);
      }
    }
  }

  /** Resolves a conflict by saving this tab's draft over the one stored (revision from the conflict). */
  async overwrite(): Promise<void> {
    const conflict = this.state.get().conflict;
    if (!conflict) return;
    this.state.set({ ...this.state.get(), status: 'dirty', conflict: null, revision: conflict.revision });
    await this.flush();
  }

  /** Resolves a conflict by taking the stored draft (the caller reloads the document). */
  adopt(revision: number, savedAt: string): void {
    this.#savedVersion = this.#store.get().version;
    this.state.set({ status: 'saved', revision, savedAt, error: null, conflict: null });
  }
}
