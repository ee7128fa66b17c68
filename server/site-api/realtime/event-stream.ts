// One SSE connection: sends every event after the client's last id, then each new one as it is
// committed (by this process or, via LISTEN/NOTIFY, another), in order, each exactly once per
// connection, and signals (an agent typing) as they come. Pokes only trigger a database read, so
// nothing is lost if a poke is; a slow poll and a heartbeat cover silent connections.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { eventsAfter, EVENT_PAGE } from '../conversations/conversation-view.ts';
import { conversationRef } from '../../http/request-log.ts';
import { keyStillValid } from '../http/authenticate-site.ts';
import type { SiteRuntime } from '../site-runtime.ts';

/** Open streams, so shutdown can end them (a hijacked response keeps the server from closing). */
export const openStreams = new WeakMap<SiteRuntime, Set<() => void>>();

export function streamEvents(rt: SiteRuntime, req: FastifyRequest, reply: FastifyReply, o: { conversationId: string; after: number; headers: Record<string, string> }): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    ...o.headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  res.write('retry: 2000\n\n');

  let last = o.after;
  let pumping = false;
  let again = false;
  let closed = false;

  const pump = async (): Promise<void> => {
    if (closed) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        for (;;) {
          const page = await eventsAfter(rt.db, o.conversationId, last);
          if (closed) return;
          if (page.events.length > 0) res.write(page.events.map((e) => `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join(''));
          last = page.lastEventId;
          if (page.events.length < EVENT_PAGE) break;
        }
      } while (again && !closed);
    } catch (error) {
      rt.log.error('event stream failed to read events', error, { conversation: conversationRef(o.conversationId) });
    } finally {
      pumping = false;
    }
  };

  const unsubscribe = rt.bus.subscribe(o.conversationId, () => void pump());
  // Signals are not stored: they go out as they come, without an id (the client's Last-Event-ID
  // stays that of the last stored event).
  const unlisten = rt.bus.listen(o.conversationId, (signal) => res.write(`event: ${signal.type}\ndata: ${JSON.stringify(signal)}\n\n`));
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), rt.options.sseHeartbeatMs);
  // Each poll also asks whether the key is still valid: a revoked key's streams end within a poll
  // (EventSource then reconnects and gets 401).
  const poll = setInterval(() => {
    keyStillValid(rt, req).then(
      (valid) => (valid ? pump() : close()),
      (error: unknown) => rt.log.error('event stream could not check its key', error, { conversation: conversationRef(o.conversationId) }),
    );
  }, rt.options.ssePollMs);
  let streams = openStreams.get(rt);
  if (!streams) openStreams.set(rt, (streams = new Set()));
  rt.metrics?.streamOpened();
  const close = () => {
    if (closed) return;
    closed = true;
    rt.metrics?.streamClosed();
    unsubscribe();
    unlisten();
    clearInterval(heartbeat);
    clearInterval(poll);
    streams.delete(close);
    res.end();
  };
  streams.add(close);
  req.raw.on('close', close);
  res.on('error', close);
  void pump();
}

/** Ends every open stream of a runtime (server shutdown). */
export function closeStreams(rt: SiteRuntime): void {
  for (const close of [...(openStreams.get(rt) ?? [])]) close();
}
