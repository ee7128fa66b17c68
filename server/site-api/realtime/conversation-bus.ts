// In-process fan-out of "conversation X has new events": SSE streams subscribe, committers
// publish. A notification is only a poke; subscribers read the events from the database, which
// stays the single source of truth (so a lost or doubled poke costs a query, never an event).
// Signals (an agent typing) are the exception: they are not stored, so they carry their data and
// a lost one is simply not shown.
import type { SiteSignal } from '../../../shared/api/site.ts';

export type Poke = () => void;

export class ConversationBus {
  private readonly listeners = new Map<string, Set<Poke>>();
  private readonly signalListeners = new Map<string, Set<(signal: SiteSignal) => void>>();
  /** Told about every conversation (the agent inbox's live queue). */
  private readonly everything = new Set<(conversationId: string) => void>();

  subscribe(conversationId: string, poke: Poke): () => void {
    return addListener(this.listeners, conversationId, poke);
  }

  /** Hears the conversation's signals; returns the unsubscribe function. */
  listen(conversationId: string, listener: (signal: SiteSignal) => void): () => void {
    return addListener(this.signalListeners, conversationId, listener);
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

  /** Hands a signal to the conversation's local listeners. */
  signal(conversationId: string, signal: SiteSignal): void {
    for (const listener of this.signalListeners.get(conversationId) ?? []) listener(signal);
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

function addListener<T>(map: Map<string, Set<T>>, key: string, listener: T): () => void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) map.delete(key);
  };
}
