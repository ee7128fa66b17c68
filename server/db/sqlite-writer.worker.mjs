// @ts-check
// The SQLite writer thread (see sqlite-writer.ts): owns its own connection to the database file
// and commits each batch of writes it is sent in one transaction. A write whose expectation is
// unmet, or that fails, is undone alone (with savepoints, used only when a write stops part-way).
// Plain JavaScript so that any runner (tsx, Vitest, node) can start it as a worker.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/** @type {{ file: string, fallbackCheckpointPages: number }} */
const { file, fallbackCheckpointPages } = workerData;
const db = new SQLite(file, { fileMustExist: true });
// The same settings as the main connection (open-database.ts), but a page cache of 4 MiB, not 64:
// the writes touch the tails of tables and indexes and the conversations talking now. SQLite's
// B-tree balance gives a page the lock-byte page's number (262,145 at 4 KiB pages) for a moment
// while it reorders new pages; the cache then holds a page number far past the end of the file,
// and the COMMIT that truncates the cache to the file's size walks its whole hash table (seen
// with a uprobe on pcache1TruncateUnsafe: about every other COMMIT, over all 10,000+ pages). With
// 64 MiB that walk was ~17% of this thread's CPU, growing with the cache; docs/benchmarks.md.
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -4096');
// Checkpoints run on a thread of their own (wal-checkpointer.ts): one inside a COMMIT held every
// caller of the batch for 25-80 ms. This is only the fallback should that thread stop.
db.pragma(`wal_autocheckpoint = ${fallbackCheckpointPages}`);

/** @type {Map<string, import('better-sqlite3').Statement>} */
const statements = new Map();
/** @param {string} sql */
const prepared = (sql) => {
  let s = statements.get(sql);
  if (!s) {
    s = db.prepare(sql);
    statements.set(sql, s);
    if (statements.size > 256) statements.delete(/** @type {string} */ (statements.keys().next().value));
  }
  return s;
};

/**
 * @typedef {{ sql: string, parameters: unknown[], expect?: 'change' | 'row' }} Step
 * @typedef {{ ok: true } | { ok: false, lost: true } | { ok: false, error: { message: string, code?: string } }} Result
 */

/**
 * The writes of a batch sent flat (`encodeBatch` in sqlite-writer.ts): the write count, then per
 * write its step count, then per step its SQL, expectation or null, parameter count, parameters.
 * @param {unknown[]} flat @returns {Step[][]}
 */
function decodeBatch(flat) {
  let at = 0;
  const next = () => flat[at++];
  return Array.from({ length: /** @type {number} */ (next()) }, () =>
    Array.from({ length: /** @type {number} */ (next()) }, () => {
      const sql = /** @type {string} */ (next());
      const expect = /** @type {Step['expect'] | null} */ (next());
      const count = /** @type {number} */ (next());
      const parameters = flat.slice(at, (at += count));
      return expect === null ? { sql, parameters } : { sql, parameters, expect };
    }),
  );
}

/** @param {unknown} error */
const describe = (error) => ({
  message: error instanceof Error ? error.message : String(error),
  ...(error && typeof error === 'object' && 'code' in error ? { code: String(error.code) } : {}),
});

/**
 * Runs one write's steps. `met`: every expectation held. `lost` or `failed` at the first step
 * left nothing behind (a statement is atomic, and an unmet first step changed no row); at a later
 * step the earlier steps' rows are still there (`undo`).
 * @param {Step[]} steps
 * @returns {{ met: true } | { met: false, result: Result, undo: boolean }}
 */
function runWrite(steps) {
  for (let i = 0; i < steps.length; i++) {
    const step = /** @type {Step} */ (steps[i]);
    const s = prepared(step.sql);
    try {
      if (s.reader) {
        const rows = s.all(step.parameters);
        if (step.expect === 'row' && rows.length === 0) return { met: false, result: { ok: false, lost: true }, undo: i > 0 };
      } else {
        const { changes } = s.run(step.parameters);
        if (step.expect === 'change' && changes !== 1) return { met: false, result: { ok: false, lost: true }, undo: i > 0 || changes > 0 };
      }
    } catch (error) {
      // Some failures (I/O, a full disk) end the transaction itself: then the batch has failed.
      if (!db.inTransaction) throw error;
      return { met: false, result: { ok: false, error: describe(error) }, undo: i > 0 };
    }
  }
  return { met: true };
}

/**
 * The batch without savepoints: almost every write either applies whole or is stopped at its
 * first step (a lost revision check), which leaves nothing to undo. Null when one stopped later
 * and left rows behind; the caller then rolls back and runs the batch with savepoints.
 * Savepoints cost: while one is open, every page already dirty in the transaction is copied to
 * the statement journal before it changes again, and a batch's writes share pages (table and
 * index tails).
 * @param {Step[][]} writes @returns {Result[] | null}
 */
function runOptimistically(writes) {
  /** @type {Result[]} */
  const results = [];
  for (const steps of writes) {
    const run = runWrite(steps);
    if (run.met) results.push({ ok: true });
    else if (run.undo) return null;
    else results.push(run.result);
  }
  return results;
}

/** Every write in a savepoint of its own, so one that stops part-way is undone alone. @param {Step[][]} writes @returns {Result[]} */
function runIsolated(writes) {
  /** @type {Result[]} */
  const results = [];
  for (const steps of writes) {
    prepared('savepoint w').run();
    const run = runWrite(steps);
    if (!run.met) prepared('rollback to w').run();
    prepared('release w').run();
    results.push(run.met ? { ok: true } : run.result);
  }
  return results;
}

/** @param {Step[][]} writes @returns {Result[]} */
function commitBatch(writes) {
  try {
    prepared('begin immediate').run();
    let results = runOptimistically(writes);
    if (results === null) {
      prepared('rollback').run();
      prepared('begin immediate').run();
      results = runIsolated(writes);
    }
    prepared('commit').run();
    return results;
  } catch (error) {
    // BEGIN, a savepoint or COMMIT itself failed (disk full, I/O): nothing of the batch is stored.
    if (db.inTransaction) prepared('rollback').run();
    throw error;
  }
}

// Batches that queued up while the last COMMIT ran are committed together: when the thread falls
// behind (the machine is busy), transactions grow instead of the queue. One answer covers them all.
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
port.on('message', (/** @type {unknown[]} */ first) => {
  const batches = [decodeBatch(first)];
  for (let next = receiveMessageOnPort(port); next !== undefined; next = receiveMessageOnPort(port)) batches.push(decodeBatch(next.message));
  try {
    const results = commitBatch(batches.flat());
    let from = 0;
    port.postMessage({ results: batches.map((b) => results.slice(from, (from += b.length))) });
  } catch (error) {
    port.postMessage({ failed: describe(error), batches: batches.length });
  }
});
