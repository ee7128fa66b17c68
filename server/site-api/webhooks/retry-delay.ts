// Exponential backoff between webhook attempts: base × 2^(n−1), ±20% jitter so many failed
// deliveries do not retry in lockstep, capped.

/** Delay before attempt `attempt + 1` after `attempt` failures (attempt ≥ 1). `random` in [0, 1); default Math.random. */
export function retryDelayMs(attempt: number, o: { baseMs: number; maxMs: number }, random: () => number = Math.random): number {
  const exponential = o.baseMs * 2 ** Math.max(0, attempt - 1);
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.round(Math.min(o.maxMs, jittered));
}
