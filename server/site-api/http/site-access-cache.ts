// Site key lookups (key → site, environment, allowed origins, signing secret) reused for a short
// time: every site API request needs one, and it rarely changes. A revocation or settings change
// in this process empties the cache at once (site-access-changes.ts); one made by another process
// is seen within `ttlMs`. Unknown keys are never cached, so guessing costs a query each time.
// Entries are found by the presented key itself (it is in this process's memory anyway), which
// spares hashing it on every request.
import type { Environment } from '../../../shared/index.ts';
import { siteAccessGeneration } from '../../sites/site-access-changes.ts';

export interface SiteAccessEntry {
  keyId: string;
  siteId: string;
  environment: Environment;
  allowedOrigins: string[];
  signingSecret: string | null;
}

export class SiteAccessCache {
  private readonly entries = new Map<string, { entry: SiteAccessEntry; until: number; generation: number }>();

  /** `ttlMs` 0 disables the cache. At most `capacity` keys (default 1,000). */
  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 1000,
  ) {}

  get(key: string, nowMs: number): SiteAccessEntry | undefined {
    const cached = this.entries.get(key);
    if (!cached) return undefined;
    if (cached.until <= nowMs || cached.generation !== siteAccessGeneration()) {
      this.entries.delete(key);
      return undefined;
    }
    return cached.entry;
  }

  /** Keeps a lookup read at `generation` (taken before the read, so a change during it is not hidden). */
  set(key: string, entry: SiteAccessEntry, nowMs: number, generation: number): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { entry, until: nowMs + this.ttlMs, generation });
  }
}
