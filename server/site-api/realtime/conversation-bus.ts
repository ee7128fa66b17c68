// In-process fan-out of "conversation X has new events": SSE streams subscribe, committers
// publish. A notification is only a poke; subscribers read the events from the database, which
// stays the single source of truth (so a lost or doubled poke costs a query, never an event).

export type Poke = () => void;

export class ConversationBus {
  private readonly listeners = new Map<string, Set<Poke>>();
  /** Told about every conversation (the agent inbox's live queue). */
  private readonly everything = new Set<(conversationId: string) => void>();

  subscribe(conversationId: string, poke: Poke): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) this.listeners.set(conversationId, (set = new Set()));
    set.add(poke);
    return () => {
      set.delete(poke);
      if (set.size === 0) this.listeners.delete(conversationId);
    };
  }

  /** Subscribes to changes of every conversation; returns the unsubscribe function. */
  subscribeAll(listener: (conversationId: string) => void): () => void {
    this.everything.add(listener);
    return () => void this.everything.delete(listener);
  }

  /** Pokes every local subscriber of a conversation. */
  publish(conversationId: string): void {
    for (const poke of this.listeners.get(conversationId) ?? []) poke();
    for (const listener of this.everything) listener(conversationId);
  }

  /** Pokes every subscriber (after a reconnect, when notifications may have been missed). */
  publishAll(): void {
    for (const set of this.listeners.values()) for (const poke of set) poke();
    for (const listener of this.everything) listener('');
  }

  /** Subscribers, for tests and metrics. */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n + this.everything.size;
  }
}
