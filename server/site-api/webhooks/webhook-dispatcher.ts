// Sends queued webhook deliveries: signed POSTs with a timeout, every attempt recorded, failures
// retried with exponential backoff up to a bounded number of attempts. Several server processes
// can run one each: a delivery is leased before it is sent, so only one process sends it at a
// time. Delivery is at least once (a crash after sending but before recording resends it), which
// is why the delivery id travels in the body and in `Switchboard-Delivery`.
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import type { ServerMetrics } from '../../metrics/server-metrics.ts';
import type { SiteLog } from '../site-runtime.ts';
import { readLimited } from '../actions/call-action.ts';
import type { WebhookOptions } from '../site-api-options.ts';
import { retryDelayMs } from './retry-delay.ts';
import { signatureHeader, SIGNATURE_HEADER } from './signature.ts';

export interface WebhookDispatcherOptions {
  db: Kysely<Database>;
  clock: Clock;
  fetch: typeof fetch;
  options: WebhookOptions;
  log: SiteLog;
  /** Counts attempts and give-ups. Default none. */
  metrics?: ServerMetrics | null;
}

export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly o: WebhookDispatcherOptions) {}

  /** Polls for due deliveries every `pollMs` until stopped. */
  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.poke(), this.o.options.pollMs);
    this.timer.unref();
    this.poke();
  }

  /** Looks for due deliveries now (called after a commit queued some). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.o.log.error('webhook dispatch failed', error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Stops polling and waits for deliveries being sent. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await Promise.allSettled([...this.inFlight]);
  }

  private async drain(): Promise<void> {
    const { db, options } = this.o;
    for (;;) {
      const free = options.concurrency - this.inFlight.size;
      if (free <= 0 || this.stopped) return;
      const now = this.o.clock.now().toISOString();
      const due = await db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .orderBy('next_attempt_at')
        .limit(free)
        .execute();
      if (due.length === 0) return;
      let claimed = 0;
      for (const { id } of due) {
        if (!(await this.lease(id))) continue;
        claimed++;
        const work: Promise<void> = this.attempt(id)
          .catch((error: unknown) => this.o.log.error('webhook delivery failed unexpectedly', error, { delivery: id }))
          .finally(() => {
            this.inFlight.delete(work);
            this.poke();
          });
        this.inFlight.add(work);
      }
      if (claimed === 0) return;
    }
  }

  private async lease(id: string): Promise<boolean> {
    const now = this.o.clock.now();
    const until = new Date(now.getTime() + this.o.options.timeoutMs + 30_000).toISOString();
    const result = await this.o.db
      .updateTable('webhook_deliveries')
      .set({ lease_until: until })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private async attempt(id: string): Promise<void> {
    const { db, options, clock } = this.o;
    const row = await db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('site_webhooks as w', 'w.id', 'd.webhook_id')
      .select(['d.payload', 'd.attempts', 'd.event', 'd.site_id', 'd.webhook_id', 'w.url', 'w.secret', 'w.removed_at'])
      .where('d.id', '=', id)
      .executeTakeFirst();
    if (!row) return;
    const attempt = Number(row.attempts) + 1;
    const started = clock.now();
    const t0 = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    if (row.removed_at !== null) {
      error = 'the webhook was removed';
    } else {
      try {
        const res = await this.o.fetch(row.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Switchboard-Webhook/1',
            [SIGNATURE_HEADER]: signatureHeader(row.secret, row.payload, started.getTime()),
            'switchboard-event': row.event,
            'switchboard-delivery': id,
            'switchboard-attempt': String(attempt),
          },
          body: row.payload,
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: 'error',
        });
        statusCode = res.status;
        await readLimited(res, 64 * 1024).catch(() => null);
        if (!res.ok) error = `HTTP ${res.status}`;
      } catch (e) {
        error = e instanceof Error && e.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : `request failed: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    const durationMs = Math.round(performance.now() - t0);
    const done = clock.now();
    const delivered = error === null;
    const exhausted = !delivered && (attempt >= options.maxAttempts || row.removed_at !== null);
    const next = delivered || exhausted ? null : new Date(done.getTime() + retryDelayMs(attempt, { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs })).toISOString();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('webhook_attempts').values({ delivery_id: id, attempt, at: started.toISOString(), duration_ms: durationMs, status_code: statusCode, error }).execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({
          attempts: attempt,
          status: delivered ? 'delivered' : exhausted ? 'failed' : 'pending',
          next_attempt_at: next,
          lease_until: null,
          completed_at: delivered || exhausted ? done.toISOString() : null,
        })
        .where('id', '=', id)
        .execute();
    });
    this.o.metrics?.webhookAttempt({ event: row.event, delivered, gaveUp: exhausted });
    if (!delivered) {
      // The receiver's host only: a URL's path or query may carry the receiver's own secret.
      const fields = { delivery: id, webhook: row.webhook_id, site: row.site_id, event: row.event, host: hostOf(row.url), attempt, statusCode, durationMs, error, willRetry: !exhausted };
      if (exhausted) this.o.log.error(`webhook delivery gave up after ${attempt} attempts`, undefined, fields);
      else this.o.log.info('webhook delivery attempt failed; will retry', { ...fields, nextAttemptAt: next });
    }
    // Come back when the retry is due rather than at the next poll.
    if (next !== null && !this.stopped) setTimeout(() => this.poke(), new Date(next).getTime() - done.getTime()).unref();
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid url';
  }
}
