// The engine state each recently changed conversation was committed with, by revision. A turn
// then reads only the conversation's small columns: when the revision is still the one this
// process committed, the state is the object it wrote (already valid) instead of a JSON text to
// parse and validate again. Another process's commit changes the revision, so it is never stale.
//
// When this process is the conversations' only writer (SQLite: one server process owns the file),
// an entry can also hold the row as committed and every idempotency key stored for the
// conversation; a turn then reads nothing at all. That is safe because every commit is still
// checked against the revision: a conversation changed or deleted behind the cache (another
// process, the retention purge) fails that check, the entry is dropped, and the turn is planned
// again from the database.
import type { ConversationState } from '../../../shared/index.ts';
import type { ConversationRow } from './conversation-store.ts';

export interface CachedConversation {
  revision: number;
  state: ConversationState;
  /** The row as committed, with every turn key stored for the conversation; absent when not known. */
  known?: { row: ConversationRow; turnKeys: ReadonlySet<string> };
}

export class StateCache {
  private readonly entries = new Map<string, CachedConversation>();

  /**
   * Default capacity: 2,000 conversations, least recently used dropped first (a state with its
   * transcript is a few KB; a miss only costs reading and validating the stored state).
   */
  constructor(private readonly capacity = 2000) {}

  /** The entry kept for the conversation (at some revision), marked as recently used. */
  peek(id: string): CachedConversation | undefined {
    const entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** The state committed at `revision`, or undefined (and the entry dropped when it is older). */
  get(id: string, revision: number): ConversationState | undefined {
    const entry = this.peek(id);
    if (!entry) return undefined;
    if (entry.revision !== revision) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.state;
  }

  set(id: string, entry: CachedConversation): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  /** Forgets everything (after rows were deleted in bulk). */
  clear(): void {
    this.entries.clear();
  }
}
