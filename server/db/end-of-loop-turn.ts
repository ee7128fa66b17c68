// Batching by event-loop turn: the requests Node parses together in one poll phase become ready
// together, and the writes (or notices) they cause are worth sending as one. setImmediate runs
// after this turn's I/O callbacks, once they have all queued theirs.

/** A function that runs `fn` once after this loop turn's I/O callbacks, however often it is called meanwhile. */
export function endOfLoopTurn(fn: () => void): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      fn();
    });
  };
}
