// Tells the other server processes on PostgreSQL which conversations have new events, after the
// commits that added them, in one NOTIFY for all the conversations committed meanwhile.
//
// Not inside the turn's transaction: PostgreSQL takes a database-wide lock when a transaction
// that notified commits, and holds it until that commit is flushed to disk (async.c,
// PreCommit_Notify), so transactions that notify commit one after another and cannot share WAL
// flushes. With a NOTIFY in every turn that lock was the limit of a turn's throughput on
// PostgreSQL: without it one process took 764 → 1,151 turns/s and two 589 → 996
// (docs/benchmarks.md, "Site runtime on PostgreSQL").
//
// Here a notice is a transaction of its own, with synchronous_commit off: it holds the lock only
// for a moment, and a poke need not be durable (the events are; streams also re-read every few
// seconds, which covers a process that dies between a commit and its notice, and a listener that
// reconnects pokes every stream). One NOTIFY is in flight at a time; conversations committed
// meanwhile go in the next one.
import pg from 'pg';
import { endOfLoopTurn } from '../../db/end-of-loop-turn.ts';
import type { SiteSignal } from '../../../shared/api/site.ts';
import { EVENTS_CHANNEL, SIGNALS_CHANNEL, eventNotices, signalNotice } from './event-notice.ts';

export class PgEventNotifier {
  private readonly pool: pg.Pool;
  private pending = new Set<string>();
  private sending: Promise<void> | null = null;
  private closed = false;
  /** So that the commits answered in this loop turn share a notice. */
  private readonly schedule = endOfLoopTurn(() => {
    this.sending = this.send().finally(() => {
      this.sending = null;
      if (this.pending.size > 0 && !this.closed) this.schedule();
    });
  });

  /** `url`: the database the server processes share. `log` hears notices that could not be sent. */
  constructor(
    url: string,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    // Bounded waits: a database that stopped answering must not hold up shutdown for good.
    this.pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000, query_timeout: 5_000 });
    // A connection that breaks while idle is dropped by the pool; the next notice opens another.
    this.pool.on('error', () => {});
  }

  /** Other processes hear of `conversationId` with the next notice. */
  notify(conversationId: string): void {
    if (this.closed) return;
    this.pending.add(conversationId);
    if (!this.sending) this.schedule();
  }

  /**
   * Other processes' streams of `conversationId` get `signal`, in a notice of its own and at once:
   * signals are few (an agent typing sends one every few seconds) and one that is lost is only not shown.
   */
  signal(conversationId: string, signal: SiteSignal): void {
    if (this.closed) return;
    this.sendNotice(SIGNALS_CHANNEL, signalNotice(conversationId, signal)).catch((error: unknown) => {
      this.log('could not tell other server processes that an agent is typing', error);
    });
  }

  /** Sends what is pending, then closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    await this.sending;
    if (this.pending.size > 0) await this.send();
    await this.pool.end();
  }

  private async send(): Promise<void> {
    const ids = this.pending;
    this.pending = new Set();
    for (const notice of eventNotices(ids)) {
      // Once more on a fresh connection when the pooled one had broken (PostgreSQL restarted).
      for (let attempt = 1; ; attempt++) {
        try {
          await this.sendNotice(EVENTS_CHANNEL, notice);
          break;
        } catch (error) {
          if (attempt < 2) continue;
          this.log('could not tell other server processes about new conversation events; their streams catch up at their next poll', error);
          break;
        }
      }
    }
  }

  /** One NOTIFY in a transaction of its own; the setting lasts until that transaction has committed. */
  private async sendNotice(channel: string, payload: string): Promise<void> {
    await this.pool.query("select set_config('synchronous_commit', 'off', true), pg_notify($1, $2)", [channel, payload]);
  }
}
