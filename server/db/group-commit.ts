// Group commit for SQLite: writes that become ready in the same turn of the event loop are
// committed together in one transaction, and each caller's promise resolves only after that
// COMMIT, so every reply still follows its own durable commit. SQLite has one writer and a fixed
// cost per transaction (BEGIN, COMMIT, the WAL frames of shared index pages); sharing it between
// several conversations' turns is most of the gain. When one write of a batch fails, the batch
// is rolled back and every write is run again in a transaction of its own, so a failure affects
// only its own caller (writes must therefore touch nothing but the database).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';
import { endOfLoopTurn } from './end-of-loop-turn.ts';
import { runSteps, UnmetExpectation, type WriteStep } from './write-steps.ts';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface Committer {
  /** Runs `work` in a transaction and resolves with its result after COMMIT. */
  run<T>(work: Work<T>): Promise<T>;
  /** Commits a write given as data; false when a step's expectation was unmet (nothing stored). */
  commit(steps: readonly WriteStep[]): Promise<boolean>;
}

/** `commit` through `run`: the steps in a transaction of their own (or of their group). */
async function commitThrough(c: Pick<Committer, 'run'>, steps: readonly WriteStep[]): Promise<boolean> {
  try {
    return await c.run((trx) => runSteps(trx, steps));
  } catch (error) {
    if (error instanceof UnmetExpectation) return false;
    throw error;
  }
}

/** One transaction per write (PostgreSQL, where several connections commit in parallel). */
export function transactionPerWrite(db: Kysely<Database>): Committer {
  const c = { run: <T>(work: Work<T>) => db.transaction().execute(work) };
  return { ...c, commit: (steps) => commitThrough(c, steps) };
}

export class GroupCommit implements Committer {
  private queue: Pending[] = [];
  private flushing: Promise<void> = Promise.resolve();
  /** Requests parsed together commit together. */
  private readonly schedule = endOfLoopTurn(() => {
    this.flushing = this.flushing.then(() => this.flush());
  });

  /** `maxBatch`: writes per transaction at most (default 128); `committed` hears each group's size. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly o: { maxBatch?: number; committed?: (writes: number) => void } = {},
  ) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  commit(steps: readonly WriteStep[]): Promise<boolean> {
    return commitThrough(this, steps);
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.o.maxBatch ?? 128);
      if (batch.length === 1) {
        await this.alone(batch[0]!);
        continue;
      }
      const results: unknown[] = [];
      try {
        await this.db.transaction().execute(async (trx) => {
          for (const p of batch) results.push(await p.work(trx));
        });
      } catch {
        // Rolled back: nothing of this batch is stored. Each write gets its own transaction.
        for (const p of batch) await this.alone(p);
        continue;
      }
      this.o.committed?.(batch.length);
      batch.forEach((p, i) => p.resolve(results[i]));
    }
  }

  private async alone(p: Pending): Promise<void> {
    try {
      const result = await this.db.transaction().execute(p.work);
      this.o.committed?.(1);
      p.resolve(result);
    } catch (error) {
      p.reject(error);
    }
  }
}
