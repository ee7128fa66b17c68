// Reads a server-sent event stream as its events (the site API's streams and tRPC subscriptions).

/** Each event of the stream: its `event:` name (null when it has none) and its `data:` lines joined. */
export async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string | null; data: string }> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, cut).split('\n');
      buffer = buffer.slice(cut + 2);
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? null;
      yield { event, data: lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n') };
    }
  }
}
