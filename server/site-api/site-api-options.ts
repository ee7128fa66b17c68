// Settings of the site runtime (site API, widget, webhooks), with defaults a busy real site and
// the benchmark do not trip. Read from the environment by main.ts; tests pass overrides.
import { z } from 'zod';

export interface SiteApiOptions {
  /** Largest request body of the site API in bytes; larger is 413. Default 64 KiB. */
  bodyLimit: number;
  /** Requests per site key per minute, per server process, before 429. Default 600,000. */
  keyRequestsPerMinute: number;
  /** Customer turns per conversation per minute, per server process, before 429. Default 120. */
  conversationTurnsPerMinute: number;
  /** Upper bound on an action webhook's timeout, whatever the node says. Default 10 s. */
  actionTimeoutCapMs: number;
  /** Action calls in one turn before the rest fail (a flow calling webhooks in a loop). Default 10. */
  maxActionsPerTurn: number;
  /**
   * Times a turn is recomputed after losing a race with another process. A turn can lose once per
   * turn of the same conversation another process has queued (conversation-writer.ts). Default 32.
   */
  maxCommitRetries: number;
  webhooks: WebhookOptions;
  /** SSE keep-alive comment interval. Default 15 s. */
  sseHeartbeatMs: number;
  /** SSE connections also re-check the database this often, in case a notification was lost. Default 5 s. */
  ssePollMs: number;
  /** How often conversations past their site's retention period are purged. Default 1 hour. */
  purgeIntervalMs: number;
  /** Compiled flow versions kept in memory. Default 32. */
  compiledFlowCacheSize: number;
  /** Where the built widget lives (`widget.js`). Default `dist/widget`. */
  widgetDir: string;
  /** The demo site's key for `/demo`, when known (DEMO_SITE_KEY, or generated on this first start). Default null. */
  demoSiteKey: string | null;
  /**
   * `all`: compile every live version when the app is created, loading stored intent models (or
   * training and storing them the first time), so no customer waits. `none`: compile on first use.
   * Default `none` for createApp/startServer (tests); `npm start` reads WARM_FLOWS, default `all`.
   */
  warmFlows: 'all' | 'none';
  /**
   * Commit turns that are ready at the same moment in one transaction (each reply still waits for
   * its COMMIT): on SQLite on a writer thread, on PostgreSQL pipelined in one round trip. Default
   * true; SITE_GROUP_COMMIT=off for one plain transaction per turn.
   */
  groupCommit: boolean;
  /**
   * Classify customers' messages and search knowledge for them on a thread of their own
   * (flows/model-thread.ts), with the same stored models and indexes. Default true;
   * SITE_MODEL_THREAD=off keeps both on the main thread.
   */
  modelThread: boolean;
  /**
   * How long a process may reuse a site key's lookup (site, environment, allowed origins, signing
   * secret). Revoking a key or changing a site's settings clears it at once in the process that
   * made the change; other processes see it within this time. 0 disables. Default 1000 ms.
   */
  keyCacheMs: number;
}

export interface WebhookOptions {
  /** Delay before the first retry; doubles per attempt (with ±20% jitter). Default 2 s. */
  retryBaseMs: number;
  /** Longest delay between attempts. Default 10 min. */
  retryMaxMs: number;
  /** Attempts before a delivery is marked failed. Default 8 (about 4 minutes of retrying at the defaults). */
  maxAttempts: number;
  /** Timeout of one attempt. Default 10 s. */
  timeoutMs: number;
  /** How often the dispatcher looks for due deliveries when nothing pokes it. Default 1 s. */
  pollMs: number;
  /** Deliveries sent at once per process. Default 8. */
  concurrency: number;
}

export const defaultSiteApiOptions: SiteApiOptions = {
  bodyLimit: 64 * 1024,
  keyRequestsPerMinute: 600_000,
  conversationTurnsPerMinute: 120,
  actionTimeoutCapMs: 10_000,
  maxActionsPerTurn: 10,
  maxCommitRetries: 32,
  webhooks: { retryBaseMs: 2000, retryMaxMs: 10 * 60 * 1000, maxAttempts: 8, timeoutMs: 10_000, pollMs: 1000, concurrency: 8 },
  sseHeartbeatMs: 15_000,
  ssePollMs: 5000,
  purgeIntervalMs: 60 * 60 * 1000,
  compiledFlowCacheSize: 32,
  widgetDir: 'dist/widget',
  demoSiteKey: null,
  warmFlows: 'none',
  groupCommit: true,
  modelThread: true,
  keyCacheMs: 1000,
};

/** Options with some fields replaced (webhook settings merged field by field). */
export function siteApiOptions(overrides: Partial<Omit<SiteApiOptions, 'webhooks'>> & { webhooks?: Partial<WebhookOptions> } = {}): SiteApiOptions {
  return { ...defaultSiteApiOptions, ...overrides, webhooks: { ...defaultSiteApiOptions.webhooks, ...overrides.webhooks } };
}

const positive = z.coerce.number().int().positive().optional();

const envSchema = z.object({
  SITE_BODY_LIMIT: positive,
  SITE_KEY_RATE_PER_MINUTE: positive,
  SITE_CONVERSATION_RATE_PER_MINUTE: positive,
  WIDGET_DIR: z.string().trim().min(1).optional(),
  WEBHOOK_RETRY_BASE_MS: positive,
  WEBHOOK_MAX_ATTEMPTS: positive,
  WARM_FLOWS: z.enum(['all', 'none']).optional(),
  SITE_SSE_POLL_MS: positive,
  SITE_GROUP_COMMIT: z.enum(['on', 'off']).optional(),
  SITE_MODEL_THREAD: z.enum(['on', 'off']).optional(),
  SITE_KEY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).optional(),
});

/** Reads the SITE_* / WEBHOOK_* / WIDGET_DIR variables (docs/site-api.md, "Configuration"). */
export function loadSiteApiOptions(env: Record<string, string | undefined>): { ok: true; options: SiteApiOptions } | { ok: false; errors: string[] } {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  const d = defaultSiteApiOptions;
  return {
    ok: true,
    options: siteApiOptions({
      bodyLimit: e.SITE_BODY_LIMIT ?? d.bodyLimit,
      keyRequestsPerMinute: e.SITE_KEY_RATE_PER_MINUTE ?? d.keyRequestsPerMinute,
      conversationTurnsPerMinute: e.SITE_CONVERSATION_RATE_PER_MINUTE ?? d.conversationTurnsPerMinute,
      widgetDir: e.WIDGET_DIR ?? d.widgetDir,
      warmFlows: e.WARM_FLOWS ?? 'all',
      ssePollMs: e.SITE_SSE_POLL_MS ?? d.ssePollMs,
      groupCommit: e.SITE_GROUP_COMMIT ? e.SITE_GROUP_COMMIT === 'on' : d.groupCommit,
      modelThread: e.SITE_MODEL_THREAD ? e.SITE_MODEL_THREAD === 'on' : d.modelThread,
      keyCacheMs: e.SITE_KEY_CACHE_MS ?? d.keyCacheMs,
      webhooks: { retryBaseMs: e.WEBHOOK_RETRY_BASE_MS ?? d.webhooks.retryBaseMs, maxAttempts: e.WEBHOOK_MAX_ATTEMPTS ?? d.webhooks.maxAttempts },
    }),
  };
}
