// Fixed-window request counters per site key and per conversation, in this process's memory (so
// with N processes behind a balancer the effective limit is N times higher). A flood gets 429
// with Retry-After instead of queueing up work.

export class RateLimits {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private sweptAt = 0;

  /**
   * Counts one hit for `key`; null when allowed, else the seconds until the window resets.
   * `limit` hits per `windowMs`.
   */
  hit(key: string, limit: number, nowMs: number, windowMs = 60_000): number | null {
    this.sweep(nowMs, windowMs);
    const w = this.windows.get(key);
    if (!w || nowMs - w.start >= windowMs) {
      this.windows.set(key, { start: nowMs, count: 1 });
      return null;
    }
    if (w.count >= limit) return Math.max(1, Math.ceil((w.start + windowMs - nowMs) / 1000));
    w.count++;
    return null;
  }

  /** Drops expired windows once per window, so idle keys do not accumulate. */
  private sweep(nowMs: number, windowMs: number): void {
    if (nowMs - this.sweptAt < windowMs) return;
    this.sweptAt = nowMs;
    for (const [key, w] of this.windows) if (nowMs - w.start >= windowMs) this.windows.delete(key);
  }
}
