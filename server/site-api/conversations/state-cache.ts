// The engine state each recently changed conversation was committed with, by revision. A turn
// then reads only the conversation's small columns: when the revision is still the one this
// process committed, the state is the object it wrote (already valid) instead of a JSON text to
// parse and validate again. Another process's commit changes the revision, so it is never stale.
import type { ConversationState } from '../../../shared/index.ts';

export class StateCache {
  private readonly entries = new Map<string, { revision: number; state: ConversationState }>();

  /**
   * Default capacity: 2,000 conversations, least recently used dropped first (a state with its
   * transcript is a few KB; a miss only costs reading and validating the stored state).
   */
  constructor(private readonly capacity = 2000) {}

  /** True when a state is kept for the conversation (at some revision). */
  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The state committed at `revision`, or undefined. */
  get(id: string, revision: number): ConversationState | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.revision !== revision) {
      this.entries.delete(id);
      return undefined;
    }
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.state;
  }

  set(id: string, revision: number, state: ConversationState): void {
    this.entries.delete(id);
    this.entries.set(id, { revision, state });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }
}
