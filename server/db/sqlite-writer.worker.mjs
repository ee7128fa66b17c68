// @ts-check
// The SQLite writer thread (see sqlite-writer.ts): owns its own connection to the database file
// and commits each batch of writes it is sent in one transaction, every write inside a savepoint
// so that a write whose expectation is unmet, or that fails, is undone alone. Plain JavaScript so
// that any runner (tsx, Vitest, node) can start it as a worker.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/** @type {{ file: string }} */
const { file } = workerData;
const db = new SQLite(file, { fileMustExist: true });
// The same settings as the main connection (open-database.ts).
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -65536');

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

/** @param {Step[]} steps @returns {boolean} whether every expectation was met */
function runWrite(steps) {
  for (const step of steps) {
    const s = prepared(step.sql);
    if (s.reader) {
      const rows = s.all(step.parameters);
      if (step.expect === 'row' && rows.length === 0) return false;
    } else {
      const { changes } = s.run(step.parameters);
      if (step.expect === 'change' && changes !== 1) return false;
    }
  }
  return true;
}

/** @param {unknown} error */
const describe = (error) => ({
  message: error instanceof Error ? error.message : String(error),
  ...(error && typeof error === 'object' && 'code' in error ? { code: String(error.code) } : {}),
});

/** @param {Step[][]} writes @returns {Result[]} */
function commitBatch(writes) {
  prepared('begin immediate').run();
  /** @type {Result[]} */
  const results = [];
  try {
    for (const steps of writes) {
      prepared('savepoint w').run();
      try {
        if (runWrite(steps)) {
          prepared('release w').run();
          results.push({ ok: true });
          continue;
        }
        results.push({ ok: false, lost: true });
      } catch (error) {
        results.push({ ok: false, error: describe(error) });
      }
      prepared('rollback to w').run();
      prepared('release w').run();
    }
    prepared('commit').run();
    return results;
  } catch (error) {
    // BEGIN, a savepoint or COMMIT itself failed (disk full, I/O): nothing of the batch is stored.
    if (db.inTransaction) prepared('rollback').run();
    throw error;
  }
}

parentPort?.on('message', (/** @type {{ writes: Step[][] }} */ message) => {
  try {
    parentPort?.postMessage({ results: commitBatch(message.writes) });
  } catch (error) {
    parentPort?.postMessage({ failed: describe(error) });
  }
});
