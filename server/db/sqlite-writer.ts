// Group commit on a thread of its own (SQLite). The server's one main thread does everything else
// a turn needs; committing the turn's rows (the statements, then the WAL frames at COMMIT) was
// about a third of its CPU per turn (docs/benchmarks.md "Site runtime"). Here writes given as data
// (write-steps.ts) go to a worker thread with its own connection: the writes that became ready in
// one turn of the event loop go as one batch, committed in one transaction, while the main thread
// plans the next turns. A batch that reaches `sendAt` writes goes at once: under load the main
// thread handles a burst of dozens of requests in one poll phase, and holding all their writes
// until it ends left the thread idle through the burst, then the main thread idle through one
// large COMMIT. Batches are sent without waiting for the previous one's answer, so the thread
// never idles on the main thread's event loop; it commits them in order, and those that queued up
// meanwhile in one transaction. Each caller's promise resolves after the COMMIT holding its write.
//
// Writes given as closures (rare: handoffs, agents' actions) run on the main connection, in a
// transaction that takes SQLite's write lock at BEGIN (open-database.ts), so the two connections
// take turns and never fail on a stale snapshot. Checkpoints run beside both, on a third thread
// (wal-checkpointer.ts), instead of inside a COMMIT.
import { Worker } from 'node:worker_threads';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import { endOfLoopTurn } from './end-of-loop-turn.ts';
import { transactionPerWrite, type Committer } from './group-commit.ts';
import { FALLBACK_CHECKPOINT_PAGES, WalCheckpointer } from './wal-checkpointer.ts';
import type { WriteStep } from './write-steps.ts';

type Result = { ok: true } | { ok: false; lost: true } | { ok: false; error: { message: string; code?: string } };
/** The answer for one or more batches, oldest first (batches that queued up are committed together). */
type Reply = { results: Result[][] } | { failed: { message: string; code?: string }; batches: number };

interface Pending {
  steps: readonly WriteStep[];
  resolve(committed: boolean): void;
  reject(error: unknown): void;
}

/** An error from the writer thread, with SQLite's code (e.g. SQLITE_CONSTRAINT_UNIQUE) when it had one. */
export class SqliteWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Writes a batch holds before it is sent without waiting for the end of the loop turn. Measured
 * (bench/site.ts's load, alternated pairs): 8 gave 12-25% more turns/s than waiting in three
 * pairs; 4 and 16 did about as well as 8.
 */
const SEND_AT = 8;

export class SqliteWriterThread implements Committer {
  private worker: Worker | null = null;
  private queue: Pending[] = [];
  /** Requests parsed together commit together (unless `sendAt` sent them sooner). */
  private readonly schedule = endOfLoopTurn(() => this.send());
  /** Batches sent and not yet answered, oldest first (the thread answers in order). */
  private inFlight: Pending[][] = [];
  private readonly onMain: Committer;
  private drained: (() => void) | null = null;
  private checkpointer: WalCheckpointer | null;
  /** The main connection leaves checkpoints to the checkpointer thread too (set once, at start). */
  private readonly mainConfigured: Promise<void>;

  /** `file`: the database file (not `:memory:`, which another connection cannot open). */
  constructor(
    private readonly file: string,
    db: Kysely<Database>,
    private readonly o: { maxBatch?: number; sendAt?: number; committed?: (writes: number) => void; checkpointFailed?: (error: unknown) => void } = {},
  ) {
    this.onMain = transactionPerWrite(db);
    this.checkpointer = new WalCheckpointer(file, o.checkpointFailed ? { failed: o.checkpointFailed } : {});
    this.mainConfigured = sql
      .raw(`pragma wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`)
      .execute(db)
      .then(
        () => undefined,
        (error: unknown) => o.checkpointFailed?.(error),
      );
  }

  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.onMain.run(work);
  }

  commit(steps: readonly WriteStep[]): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ steps, resolve, reject });
      if (this.queue.length >= (this.o.sendAt ?? SEND_AT)) this.send();
      else this.schedule();
    });
  }

  /** Waits for the writes already sent or queued, then stops the thread. */
  async close(): Promise<void> {
    if (this.inFlight.length > 0 || this.queue.length > 0) await new Promise<void>((done) => (this.drained = done));
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
    await this.checkpointer?.close();
    this.checkpointer = null;
    await this.mainConfigured;
  }

  private send(): void {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.o.maxBatch ?? 256);
      this.inFlight.push(batch);
      this.thread().postMessage(encodeBatch(batch.map((p) => p.steps)));
    }
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), { workerData: { file: this.file, fallbackCheckpointPages: FALLBACK_CHECKPOINT_PAGES } });
    worker.on('message', (reply: Reply) => this.answer(reply));
    // A thread that died takes its batch with it (rolled back by SQLite); the next write starts a new one.
    worker.on('error', (error) => this.lost(error));
    worker.on('exit', (code) => this.lost(new Error(`the SQLite writer thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private answer(reply: Reply): void {
    if ('failed' in reply) {
      for (const batch of this.inFlight.splice(0, reply.batches)) for (const p of batch) p.reject(new SqliteWriteError(reply.failed.message, reply.failed.code));
    } else {
      const batches = this.inFlight.splice(0, reply.results.length);
      this.o.committed?.(batches.reduce((n, b) => n + b.length, 0));
      batches.forEach((batch, b) =>
        batch.forEach((p, i) => {
          const r = reply.results[b]![i]!;
          if (r.ok) p.resolve(true);
          else if ('lost' in r) p.resolve(false);
          else p.reject(new SqliteWriteError(r.error.message, r.error.code));
        }),
      );
    }
    this.settle();
  }

  private lost(error: unknown): void {
    if (this.worker === null) return; // closed on purpose
    this.worker = null;
    for (const batch of this.inFlight.splice(0)) for (const p of batch) p.reject(error);
    this.send();
    this.settle();
  }

  private settle(): void {
    if (this.inFlight.length === 0 && this.queue.length === 0) this.drained?.();
  }
}

/**
 * A batch as one flat array: the write count, then for each write its step count, then for each
 * step its SQL, expectation (or null), parameter count and parameters. Copying it to the thread
 * costs half of copying the steps as objects (measured: ~4.5 against ~9 µs per turn's write),
 * whose every key is written out again; the worker decodes it (`decodeBatch` there).
 */
export function encodeBatch(writes: ReadonlyArray<readonly WriteStep[]>): unknown[] {
  const out: unknown[] = [writes.length];
  for (const steps of writes) {
    out.push(steps.length);
    for (const step of steps) {
      out.push(step.sql, step.expect ?? null, step.parameters.length);
      for (const parameter of step.parameters) out.push(parameter);
    }
  }
  return out;
}
