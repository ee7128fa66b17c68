// WAL checkpoints on a thread of their own (SQLite). By default the connection whose COMMIT takes
// the WAL past 1,000 pages copies it back into the database file inside that COMMIT; on the site
// runtime's writer thread that held every turn of the batch for 25-80 ms under load, most of the
// p99. Here a passive checkpoint runs every `intervalMs` on a separate connection, beside the
// writer: it copies what is committed and never waits for or blocks a reader or writer. Once it
// has caught up, the next write starts the WAL over from its beginning, so the file stays small.
// The connections keep an automatic checkpoint at a high mark as the fallback should it stop.
import { Worker } from 'node:worker_threads';

/** Pages the WAL may reach before a committing connection checkpoints it itself (the fallback): ~80 MB. */
export const FALLBACK_CHECKPOINT_PAGES = 20_000;

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(file: string, o: { intervalMs?: number; failed?: (error: unknown) => void } = {}) {
    this.worker = new Worker(new URL('./wal-checkpointer.worker.mjs', import.meta.url), { workerData: { file, intervalMs: o.intervalMs ?? 100 } });
    this.worker.on('error', (error) => o.failed?.(error));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // Never what keeps a process alive.
    this.worker.unref();
  }

  /** Stops the thread after the checkpoint in progress, if any. */
  async close(): Promise<void> {
    this.worker.postMessage('close');
    await this.exited;
  }
}
