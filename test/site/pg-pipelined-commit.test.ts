// Pipelined commits on PostgreSQL (server/db/pg-pipelined-commit.ts): a write's statements go out
// together in one transaction, and an unmet expectation or a failing statement anywhere in it
// leaves nothing behind, exactly as when the statements ran one by one. Writes ready together
// share a transaction, and each still gets its own answer.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgPipelinedCommit } from '../../server/db/pg-pipelined-commit.ts';
import { rawStatement } from '../../server/db/raw-statement.ts';
import { writeStep, type WriteStep } from '../../server/db/write-steps.ts';
import { dialects, type TestDatabase } from '../server/harness.ts';

const postgres = dialects.find((d) => d.name === 'postgres');

describe.skipIf(!postgres)('pipelined commits on PostgreSQL', () => {
  let database: TestDatabase;
  let commits: PgPipelinedCommit;
  const s = {
    insert: rawStatement('postgres', 'insert into t (id, v, revision) values (?, ?, 1)'),
    bump: rawStatement('postgres', 'update t set v = ?, revision = revision + 1 where id = ? and revision = ?'),
    log: rawStatement('postgres', 'insert into t_log (t_id, line) values (?, ?) on conflict do nothing returning t_id'),
  };
  const rows = async () => (await sql<{ id: number; v: string; revision: number }>`select id, v, revision from t order by id`.execute(database.db)).rows;
  const log = async () => (await sql<{ line: string }>`select line from t_log order by line`.execute(database.db)).rows.map((r) => r.line);
  const change = (v: string, id: number, revision: number): WriteStep => writeStep(s.bump([v, id, revision]), 'change');
  const logLine = (id: number, line: string): WriteStep => writeStep(s.log([id, line]), 'row');

  beforeAll(async () => {
    database = await postgres!.open();
    await sql`create table t (id int primary key, v text not null, revision int not null)`.execute(database.db);
    await sql`create table t_log (t_id int not null, line text primary key)`.execute(database.db);
    commits = new PgPipelinedCommit(database.url, database.db, { poolSize: 2 });
    expect(await commits.commit([writeStep(s.insert([1, 'one']))])).toBe(true);
  });
  afterAll(async () => {
    await commits?.close();
    await database?.cleanup();
  });

  it('commits every step of a write together', async () => {
    expect(await commits.commit([change('uno', 1, 1), logLine(1, 'renamed to uno')])).toBe(true);
    expect(await rows()).toEqual([{ id: 1, v: 'uno', revision: 2 }]);
    expect(await log()).toEqual(['renamed to uno']);
  });

  it('stores nothing when the revision check finds the row changed', async () => {
    expect(await commits.commit([change('stale', 1, 1), logLine(1, 'stale write')])).toBe(false);
    expect(await rows()).toEqual([{ id: 1, v: 'uno', revision: 2 }]);
    expect(await log()).toEqual(['renamed to uno']);
  });

  it('undoes the steps before one whose expectation is unmet later in the write', async () => {
    // The log line exists already: `on conflict do nothing` returns no row, so the write is unmet.
    expect(await commits.commit([change('dos', 1, 2), logLine(1, 'renamed to uno')])).toBe(false);
    expect(await rows()).toEqual([{ id: 1, v: 'uno', revision: 2 }]);
  });

  it('throws a failing statement’s error, stores nothing, and goes on working', async () => {
    const failing = commits.commit([change('tres', 1, 2), writeStep(s.insert([1, 'duplicate id']))]);
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(await rows()).toEqual([{ id: 1, v: 'uno', revision: 2 }]);
    // Both pooled connections, more writes than connections, all at once.
    const more = await Promise.all([2, 3, 4, 5, 6].map((id) => commits.commit([writeStep(s.insert([id, `n${id}`])), logLine(id, `added ${id}`)])));
    expect(more).toEqual([true, true, true, true, true]);
    expect((await rows()).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('commits the writes that become ready together in one transaction', async () => {
    await sql`create table t_tx (id int primary key, tx bigint not null)`.execute(database.db);
    const groups: number[] = [];
    const grouped = new PgPipelinedCommit(database.url, database.db, { committed: (writes) => groups.push(writes) });
    try {
      const record = rawStatement('postgres', 'insert into t_tx (id, tx) values (?, txid_current())');
      expect(await Promise.all([1, 2, 3].map((id) => grouped.commit([writeStep(record([id]))])))).toEqual([true, true, true]);
      const txs = (await sql<{ tx: string }>`select tx from t_tx`.execute(database.db)).rows.map((r) => r.tx);
      expect(txs).toHaveLength(3);
      expect(new Set(txs).size).toBe(1);
      expect(groups).toEqual([3]);
    } finally {
      await grouped.close();
    }
  });

  it('answers each write of a group on its own when one of them is stale or fails', async () => {
    await sql`insert into t (id, v, revision) values (10, 'ten', 1), (11, 'eleven', 1), (12, 'twelve', 1)`.execute(database.db);
    const results = await Promise.allSettled([
      commits.commit([change('TEN', 10, 1)]),
      commits.commit([change('stale', 11, 7)]),
      commits.commit([writeStep(s.insert([12, 'duplicate id']))]),
      commits.commit([change('TWELVE', 12, 1)]),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as { code?: string }).code))).toEqual([true, false, '23505', true]);
    expect((await rows()).filter((r) => r.id >= 10)).toEqual([
      { id: 10, v: 'TEN', revision: 2 },
      { id: 11, v: 'eleven', revision: 1 },
      { id: 12, v: 'TWELVE', revision: 2 },
    ]);
  });

  it('runs writes that need code in the transaction on the main pool', async () => {
    const v = await commits.run(async (trx) => {
      await sql`update t set v = 'by code' where id = 6`.execute(trx);
      return (await sql<{ v: string }>`select v from t where id = 6`.execute(trx)).rows[0]!.v;
    });
    expect(v).toBe('by code');
  });
});
