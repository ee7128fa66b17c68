// Group commit on SQLite: writes ready together share one transaction, each caller hears back
// only after the COMMIT that holds its write, and a failing write affects no one else.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { GroupCommit } from '../../server/db/group-commit.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { SqliteWriterThread, type SqliteWriteError } from '../../server/db/sqlite-writer.ts';
import { writeStep } from '../../server/db/write-steps.ts';

describe('group commit', () => {
  let dir: string;
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  const rows = async () => (await sql<{ v: string }>`select v from t order by v`.execute(db)).rows.map((r) => r.v);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-group-commit-'));
    ({ db, close } = openDatabase(join(dir, 'g.db')));
    await sql`create table t (v text primary key)`.execute(db);
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits writes ready together in one transaction and answers after it', async () => {
    const sizes: number[] = [];
    const commits = new GroupCommit(db, { committed: (n) => sizes.push(n) });
    const write = (v: string) =>
      commits.run(async (trx) => {
        await sql`insert into t (v) values (${v})`.execute(trx);
        return v;
      });
    const answered = await Promise.all(['a', 'b', 'c', 'd'].map(write));
    expect(answered).toEqual(['a', 'b', 'c', 'd']);
    expect(sizes).toEqual([4]);
    expect(await rows()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a failing write to its own caller: the others are committed', async () => {
    const sizes: number[] = [];
    const commits = new GroupCommit(db, { committed: (n) => sizes.push(n) });
    const results = await Promise.allSettled(
      ['e', 'a', 'f'].map((v) => commits.run(async (trx) => void (await sql`insert into t (v) values (${v})`.execute(trx)))), // 'a' exists: primary key
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // The group was rolled back and each write retried alone.
    expect(sizes).toEqual([1, 1]);
    expect(await rows()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('commits nothing of a write whose caller was told it failed', async () => {
    const commits = new GroupCommit(db);
    const failing = commits.run(async (trx) => {
      await sql`insert into t (v) values ('g')`.execute(trx);
      throw new Error('changed its mind');
    });
    const fine = commits.run(async (trx) => void (await sql`insert into t (v) values ('h')`.execute(trx)));
    await expect(failing).rejects.toThrow('changed its mind');
    await fine;
    expect(await rows()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'h']);
  });
});

describe('the SQLite writer thread', () => {
  let dir: string;
  let db: Kysely<Database>;
  let file: string;
  let close: () => Promise<void>;
  const rows = async () => (await sql<{ v: string; n: number }>`select v, n from w order by v`.execute(db)).rows;
  const insert = (v: string, n = 0) => writeStep(sql`insert into w (v, n) values (${v}, ${n})`.compile(db));
  const bump = (v: string, from: number) => writeStep(sql`update w set n = n + 1 where v = ${v} and n = ${from}`.compile(db), 'change');
  /** What a caller heard: committed or not, or the SQLite code of its failure. */
  const committedOrCode = (r: PromiseSettledResult<boolean>) => (r.status === 'fulfilled' ? r.value : (r.reason as SqliteWriteError).code);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-writer-thread-'));
    const opened = openDatabase(join(dir, 'w.db'));
    ({ db, close } = opened);
    file = opened.sqliteFile!;
    await sql`create table w (v text primary key, n integer not null)`.execute(db);
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits the writes of one event-loop turn as one batch, and answers after its COMMIT', async () => {
    const sizes: number[] = [];
    const writer = new SqliteWriterThread(file, db, { committed: (n) => sizes.push(n) });
    const first = ['a', 'b', 'c'].map((v) => writer.commit([insert(v)]));
    // The next loop turn's writes go as the next batch, sent before the first is answered.
    await new Promise((r) => setImmediate(r));
    const second = ['d', 'e'].map((v) => writer.commit([insert(v)]));
    const answered = await Promise.all([...first, ...second]);
    expect(answered).toEqual([true, true, true, true, true]);
    // Separately, or together when the second arrived before the thread took the first.
    expect([[3, 2], [5]]).toContainEqual(sizes);
    // Visible to the main connection as soon as the callers hear back.
    expect((await rows()).map((r) => r.v)).toEqual(['a', 'b', 'c', 'd', 'e']);
    await writer.close();
  });

  it('sends a batch that reaches sendAt writes at once, without waiting for the loop turn to end', async () => {
    const writer = new SqliteWriterThread(file, db, { sendAt: 2 });
    await writer.commit([insert('s0')]); // the thread is up
    const sent = [writer.commit([insert('s1')]), writer.commit([insert('s2')])];
    const third = writer.commit([insert('s3')]);
    // The main thread stays busy (no setImmediate can run): only a batch already sent can commit.
    const reader = new SQLite(file, { readonly: true });
    const seen = () => reader.prepare("select v from w where v in ('s1', 's2', 's3') order by v").pluck().all();
    const until = Date.now() + 5000;
    while (seen().length < 2 && Date.now() < until);
    expect(seen()).toEqual(['s1', 's2']);
    reader.close();
    expect(await Promise.all([...sent, third])).toEqual([true, true, true]);
    await writer.close();
    await sql`delete from w where v in ('s0', 's1', 's2', 's3')`.execute(db);
  });

  it('undoes a write whose expectation is unmet, or that fails, and no other', async () => {
    const writer = new SqliteWriterThread(file, db);
    const results = await Promise.allSettled([
      writer.commit([bump('a', 0), insert('f')]),
      writer.commit([insert('g'), bump('b', 7)]), // b is at 0: unmet after g was inserted, so g is undone too
      writer.commit([insert('h'), insert('a')]), // a exists: fails after h was inserted
      writer.commit([bump('c', 0)]),
    ]);
    expect(results.map(committedOrCode)).toEqual([true, false, 'SQLITE_CONSTRAINT_PRIMARYKEY', true]);
    expect(await rows()).toEqual([
      { v: 'a', n: 1 },
      { v: 'b', n: 0 },
      { v: 'c', n: 1 },
      { v: 'd', n: 0 },
      { v: 'e', n: 0 },
      { v: 'f', n: 0 },
    ]);
    await writer.close();
  });

  it('keeps the other writes of a batch when some stop at their first step (the path without savepoints)', async () => {
    const writer = new SqliteWriterThread(file, db);
    const results = await Promise.allSettled([
      writer.commit([bump('d', 0), insert('i')]),
      writer.commit([bump('b', 7), insert('j')]), // b is at 0: lost at the revision check, j never runs
      writer.commit([insert('a'), insert('k')]), // a exists: fails first, k never runs
      writer.commit([bump('e', 0)]),
    ]);
    expect(results.map(committedOrCode)).toEqual([true, false, 'SQLITE_CONSTRAINT_PRIMARYKEY', true]);
    expect((await rows()).filter((r) => ['b', 'd', 'e', 'i', 'j', 'k'].includes(r.v))).toEqual([
      { v: 'b', n: 0 },
      { v: 'd', n: 1 },
      { v: 'e', n: 1 },
      { v: 'i', n: 0 },
    ]);
    await writer.close();
  });

  it('commits batches that queued up behind a busy COMMIT in one transaction', async () => {
    const sizes: number[] = [];
    const writer = new SqliteWriterThread(file, db, { committed: (n) => sizes.push(n) });
    await writer.commit([insert('q0')]); // the thread is up
    sizes.length = 0;
    // The main connection holds the write lock: the thread's next batch waits on it, and two more
    // batches queue up meanwhile.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let locked = () => {};
    const lockTaken = new Promise<void>((r) => (locked = r));
    const onMain = writer.run(async (trx) => {
      await sql`insert into w (v, n) values ('q-main', 0)`.execute(trx);
      locked();
      await held;
    });
    await lockTaken;
    const waiting = writer.commit([insert('q1')]);
    await new Promise((r) => setTimeout(r, 50));
    const queued = [writer.commit([insert('q2')])];
    await new Promise((r) => setImmediate(r));
    queued.push(writer.commit([insert('q3')]), writer.commit([insert('q4')]));
    await new Promise((r) => setTimeout(r, 50));
    release();
    await onMain;
    expect(await Promise.all([waiting, ...queued])).toEqual([true, true, true, true]);
    expect(sizes).toEqual([1, 3]);
    await writer.close();
  });

  it('takes turns with transactions on the main connection without losing either', async () => {
    const writer = new SqliteWriterThread(file, db);
    // A main-connection transaction that reads, waits, then writes while the thread commits.
    const onMain = writer.run(async (trx) => {
      const before = await sql<{ c: number }>`select count(*) as c from w`.execute(trx);
      await new Promise((r) => setTimeout(r, 20));
      await sql`insert into w (v, n) values ('main', ${before.rows[0]!.c})`.execute(trx);
    });
    const onThread = Promise.all(Array.from({ length: 20 }, (_, i) => writer.commit([insert(`t${String(i).padStart(2, '0')}`)])));
    await Promise.all([onMain, onThread]);
    const all = (await rows()).map((r) => r.v);
    expect(all.filter((v) => v.startsWith('t'))).toHaveLength(20);
    expect(all).toContain('main');
    await writer.close();
  });

  it('checkpoints the WAL into the database file on a thread of its own, with every connection open', async () => {
    const writer = new SqliteWriterThread(file, db);
    const before = statSync(file).size;
    // ~2 MB of rows: far below the fallback mark, so only the checkpointer thread copies them back.
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(Array.from({ length: 100 }, (_, i) => writer.commit([insert(`pad-${batch}-${i}-${'x'.repeat(1000)}`)])));
    }
    await new Promise((r) => setTimeout(r, 400));
    expect(statSync(file).size - before).toBeGreaterThan(1_500_000);
    const [state] = (await sql<{ log: number; checkpointed: number }>`pragma wal_checkpoint(PASSIVE)`.execute(db)).rows;
    expect(state!.checkpointed).toBe(state!.log);
    await sql`delete from w where v like 'pad-%'`.execute(db);
    await writer.close();
  });

  it('finishes the writes it was given before it closes', async () => {
    const writer = new SqliteWriterThread(file, db);
    const pending = ['x1', 'x2', 'x3'].map((v) => writer.commit([insert(v)]));
    await writer.close();
    expect(await Promise.all(pending)).toEqual([true, true, true]);
    expect((await rows()).map((r) => r.v)).toEqual(expect.arrayContaining(['x1', 'x2', 'x3']));
  });
});
