// Group commit on SQLite: writes ready together share one transaction, each caller hears back
// only after the COMMIT that holds its write, and a failing write affects no one else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { GroupCommit } from '../../server/db/group-commit.ts';
import { openDatabase } from '../../server/db/open-database.ts';

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
