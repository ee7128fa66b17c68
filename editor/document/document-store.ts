// The draft being edited, with undo/redo. Changes are recipes (document → document); bursts of
// the same kind of change (typing in one field, nudging one node) merge into one undo step.
import type { EditorDoc } from './editor-document.ts';

export interface DocumentSnapshot {
  doc: EditorDoc;
  canUndo: boolean;
  canRedo: boolean;
  /** Increases with every change, undo and redo; autosave watches it. */
  version: number;
  /** What the last change was ("Move 2 nodes"), for the undo button's tooltip. */
  undoLabel: string | null;
  redoLabel: string | null;
}

interface Entry {
  doc: EditorDoc;
  label: string;
}

export interface ChangeOptions {
  /** Changes with the same key within `COALESCE_MS` of each other become one undo step. */
  coalesceKey?: string;
}

/** How long a burst of same-key changes may pause and still be one undo step. Default 1 s. */
export const COALESCE_MS = 1000;
/** Undo steps kept. Default 200. */
export const HISTORY_LIMIT = 200;

export class DocumentStore {
  #past: Entry[] = [];
  #future: Entry[] = [];
  #snapshot: DocumentSnapshot;
  #listeners = new Set<() => void>();
  #last: { key: string; at: number } | null = null;
  #now: () => number;

  constructor(doc: EditorDoc, now: () => number = () => Date.now()) {
    this.#now = now;
    this.#snapshot = { doc, canUndo: false, canRedo: false, version: 0, undoLabel: null, redoLabel: null };
  }

  get = (): DocumentSnapshot => this.#snapshot;

  get doc(): EditorDoc {
    return this.#snapshot.doc;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Applies `recipe`; a recipe that returns the same document records nothing. */
  change(label: string, recipe: (doc: EditorDoc) => EditorDoc, options: ChangeOptions = {}): void {
    const before = this.#snapshot.doc;
    const after = recipe(before);
    if (after === before) return;
    const now = this.#now();
    const merge = options.coalesceKey !== undefined && this.#last?.key === options.coalesceKey && now - this.#last.at < COALESCE_MS && this.#past.length > 0;
    if (!merge) {
      this.#past.push({ doc: before, label });
      if (this.#past.length > HISTORY_LIMIT) this.#past.shift();
    }
    this.#last = options.coalesceKey !== undefined ? { key: options.coalesceKey, at: now } : null;
    this.#future = [];
    this.#publish(after);
  }

  undo(): void {
    const entry = this.#past.pop();
    if (!entry) return;
    this.#future.push({ doc: this.#snapshot.doc, label: entry.label });
    this.#last = null;
    this.#publish(entry.doc);
  }

  redo(): void {
    const entry = this.#future.pop();
    if (!entry) return;
    this.#past.push({ doc: this.#snapshot.doc, label: entry.label });
    this.#last = null;
    this.#publish(entry.doc);
  }

  /** Replaces the document without an undo step (loading someone else's save). History is cleared. */
  reset(doc: EditorDoc): void {
    this.#past = [];
    this.#future = [];
    this.#last = null;
    this.#publish(doc);
  }

  #publish(doc: EditorDoc): void {
    this.#snapshot = {
      doc,
      canUndo: this.#past.length > 0,
      canRedo: this.#future.length > 0,
      version: this.#snapshot.version + 1,
      undoLabel: this.#past.at(-1)?.label ?? null,
      redoLabel: this.#future.at(-1)?.label ?? null,
    };
    this.#listeners.forEach((l) => l());
  }
}
