// @ts-check
// The WAL checkpointer thread (see wal-checkpointer.ts): its own connection copies committed WAL
// frames back into the database file every `intervalMs`, without waiting for (or blocking) the
// connections that read and write. Plain JavaScript so that any runner can start it as a worker.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/** @type {{ file: string, intervalMs: number }} */
const { file, intervalMs } = workerData;
const db = new SQLite(file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');

const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), intervalMs);

parentPort?.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
