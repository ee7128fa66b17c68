// Follows a conversation's server-sent events over fetch (EventSource cannot send the
// Authorization header), resuming after the last event id on every reconnect, with backoff.
import type { SiteEvent, SiteSignal } from '../shared/api/site.ts';

export interface EventStreamOptions {
  url: string;
  authorization: string;
  /** Resume after this id. */
  lastEventId: () => number;
  /** Stored events (with ids) and signals (an agent typing, without). */
  onEvent: (event: SiteEvent | SiteSignal) => void;
  /** Called with true when connected, false when the connection dropped. */
  onConnection?: (connected: boolean) => void;
}

export class EventStream {
  private abort: AbortController | null = null;
  private stopped = false;
  private delay = 500;

  constructor(private readonly o: EventStreamOptions) {}

  start(): void {
    this.stopped = false;
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.abort = new AbortController();
      try {
        const res = await fetch(this.o.url, {
          headers: { accept: 'text/event-stream', authorization: this.o.authorization, 'last-event-id': String(this.o.lastEventId()) },
          signal: this.abort.signal,
        });
        if (res.status === 404 || res.status === 401) {
          this.stopped = true;
          break;
        }
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        this.o.onConnection?.(true);
        this.delay = 500;
        await this.read(res.body);
      } catch {
        // dropped: reconnect below
      }
      if (this.stopped) break;
      this.o.onConnection?.(false);
      await new Promise((r) => setTimeout(r, this.delay));
      this.delay = Math.min(this.delay * 2, 15_000);
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        if (!data) continue;
        try {
          this.o.onEvent(JSON.parse(data) as SiteEvent | SiteSignal);
        } catch {
          // a malformed event is skipped; the next catch-up read fills any gap
        }
      }
    }
  }
}
