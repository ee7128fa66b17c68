// A tRPC subscription (SSE) read with plain fetch and a session cookie, for the inbox's live views.
import { sseEvents } from './sse-events.ts';

/** A tRPC SSE subscription read with fetch: collects each pushed `data` value. */
export class Subscription<T> {
  readonly values: T[] = [];
  private readonly abort = new AbortController();

  constructor(base: string, path: string, input: unknown, cookie: string) {
    void fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie, accept: 'text/event-stream' }, signal: this.abort.signal })
      .then(async (res) => {
        for await (const { event, data } of sseEvents(res.body!)) {
          if ((event === null || event === 'message') && data) this.values.push(JSON.parse(data) as T);
        }
      })
      .catch(() => {});
  }

  async waitFor(predicate: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.values.find(predicate);
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) throw new Error(`no matching value in ${this.values.length} pushed`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.abort.abort();
  }
}
