// Commits on PostgreSQL in one round trip. A turn's write is five statements (BEGIN, the
// revision-checked update, its events, the turn record, COMMIT); sent one after another,
// each waits for the answer to the last, and on one machine each is a loopback send that wakes a
// backend — most of what a turn cost the server's main thread (docs/benchmarks.md, "Site runtime
// on PostgreSQL"). Here a write given as data (write-steps.ts) goes out at once on a connection in
// pg's pipeline mode: every statement is written before the first answer comes back.
//
// The statements no longer wait for each other's results, so a step's expectation (update exactly
// one row; return a row) is checked by the database: the step runs inside a statement that divides
// by zero when it is unmet. That error aborts the transaction, the steps behind it fail without
// running, the COMMIT rolls back, and the caller hears "unmet" (plan again) as before. Any other
// error rolls back the same way and is thrown.
//
// The writes that become ready in the same turn of the event loop (turns of different
// conversations) share one transaction, as on SQLite: one BEGIN, one COMMIT and one wait for the
// WAL flush instead of one each, and one send that wakes one backend. When a write of the group
// fails or its expectation is unmet, the group rolls back whole and each write runs again alone,
// so each caller still hears its own answer. (Two processes' groups that change the same two
// conversations in opposite orders deadlock; PostgreSQL breaks that after deadlock_timeout, and
// the broken group runs alone the same way. A process writes the conversations it serves.)
//
// Prepared statements are named by their text, so a backend parses and plans each shape once per
// connection instead of once per turn. Writes that need code inside the transaction (`run`) keep
// Kysely's transactions on the main pool.
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { endOfLoopTurn } from './end-of-loop-turn.ts';
import { transactionPerWrite, type Committer } from './group-commit.ts';
import type { WriteStep } from './write-steps.ts';

/** SQLSTATE of division by zero: what a guarded step raises when its expectation is unmet. */
const UNMET = '22012';

interface Pending {
  steps: readonly WriteStep[];
  resolve(committed: boolean): void;
  reject(error: unknown): void;
}

/** A step's statement as sent: guarded text, and its name on each connection ('' for unnamed). */
interface Prepared {
  text: string;
  name: string;
}

export class PgPipelinedCommit implements Committer {
  private readonly pool: pg.Pool;
  private readonly onMain: Committer;
  /** Guarded text and statement name, by expectation and step text (a handful of shapes). */
  private readonly prepared = { none: new Map<string, Prepared>(), change: new Map<string, Prepared>(), row: new Map<string, Prepared>() };
  private named = 0;
  private queue: Pending[] = [];
  private readonly flushing = new Set<Promise<void>>();
  /** Requests parsed together commit together. */
  private readonly schedule = endOfLoopTurn(() => {
    const flush = this.flush(this.queue.splice(0));
    this.flushing.add(flush);
    void flush.finally(() => this.flushing.delete(flush));
  });

  /**
   * `url`: the same database the Kysely instance uses (its search_path included). `idleError`
   * hears a pooled connection that broke while idle (PostgreSQL restarted); the pool drops it.
   */
  constructor(
    url: string,
    db: Kysely<Database>,
    private readonly o: { poolSize?: number; idleError?: (error: Error) => void; committed?: (writes: number) => void } = {},
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: o.poolSize ?? 10, pipeline: true });
    this.pool.on('error', (error) => o.idleError?.(error));
    this.onMain = transactionPerWrite(db);
  }

  run: Committer['run'] = (work) => this.onMain.run(work);

  commit(steps: readonly WriteStep[]): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ steps, resolve, reject });
      this.schedule();
    });
  }

  /**
   * One transaction for the writes that became ready together, optimistically: almost always every
   * write applies. When one does not (an unmet expectation, a failing statement), the whole group
   * has rolled back, and each write runs again in a transaction of its own for its own answer.
   */
  private async flush(group: Pending[]): Promise<void> {
    if (group.length > 1) {
      const together = await this.transaction(group.flatMap((p) => p.steps)).catch(() => false);
      if (together) {
        this.o.committed?.(group.length);
        for (const p of group) p.resolve(true);
        return;
      }
    }
    await Promise.all(
      group.map((p) =>
        this.transaction(p.steps).then((committed) => {
          if (committed) this.o.committed?.(1);
          p.resolve(committed);
        }, p.reject),
      ),
    );
  }

  /** `steps` in one transaction, in one round trip; false when an expectation was unmet (nothing stored). */
  private async transaction(steps: readonly WriteStep[]): Promise<boolean> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      // pg writes each statement to the socket as it is queued; corked, they leave in one send.
      const socket = (client as unknown as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection?.stream;
      socket?.cork?.();
      let sent: Promise<unknown>[];
      try {
        sent = [client.query('begin'), ...steps.map((s) => client.query({ ...this.statement(s), values: [...s.parameters] })), client.query('commit')];
      } finally {
        socket?.uncork?.();
      }
      const results = await Promise.allSettled(sent);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (!failed) return true;
      const error = failed.reason as Error & { code?: string };
      // A failure of the connection itself (no SQLSTATE) leaves it unusable.
      if (error.code === undefined) broken = error;
      if (error.code === UNMET) return false;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Waits for the writes already queued, then closes the connections. */
  async close(): Promise<void> {
    while (this.queue.length > 0 || this.flushing.size > 0) await Promise.all([...this.flushing, new Promise((r) => setImmediate(r))]);
    await this.pool.end();
  }

  private statement(step: WriteStep): Prepared {
    const shapes = this.prepared[step.expect ?? 'none'];
    const known = shapes.get(step.sql);
    if (known) return known;
    // Bounded: a statement's shape depends only on the code (events per turn vary a little); past
    // the bound a statement goes unnamed, parsed each time.
    if (this.named >= 256) return { text: guarded(step), name: '' };
    const s = { text: guarded(step), name: `sb_write_${++this.named}` };
    shapes.set(step.sql, s);
    return s;
  }
}

/** The step as one statement that fails (division by zero) when its expectation is unmet. */
export function guarded(step: WriteStep): string {
  if (!step.expect) return step.sql;
  if (step.expect === 'row') return `with step as (${step.sql}) select 1 / (count(*) > 0)::int from step`;
  const returning = /\breturning\b/i.test(step.sql) ? step.sql : `${step.sql} returning 1`;
  return `with step as (${returning}) select 1 / (count(*) = 1)::int from step`;
}
