// What the host gives the engine: the runtime itself never reads a clock or does I/O, so the same
// code runs in the editor's simulator, the CLI and the server, and tests run on a fake clock.

/** Milliseconds since the epoch. The server passes `Date.now`, tests a fixed or stepping clock. */
export interface Clock {
  now(): number;
}

/** A clock for tests and replays: starts at `start` and advances `stepMs` on every read. */
export function steppingClock(start = Date.UTC(2026, 0, 1), stepMs = 1000): Clock {
  let t = start - stepMs;
  return { now: () => (t += stepMs) };
}
