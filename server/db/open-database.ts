// Opens the Kysely instance a DATABASE_URL names: better-sqlite3 (WAL, foreign keys on) for a file
// path, pg for postgres:// URLs. Everything else goes through Kysely, except the connections that
// Kysely cannot provide: the SQLite writer and checkpointer threads, PostgreSQL's LISTEN
// (realtime/pg-listener.ts) and pipelined commits (pg-pipelined-commit.ts).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import type { Database } from './database.ts';
import { dialectOf, sqlitePath, type DialectName } from './dialect-name.ts';

export interface OpenDatabaseOptions {
  /** PostgreSQL only: the schema to use (`search_path`). Default: the server's default (`public`). */
  schema?: string;
  /** SQLite only: fail instead of creating a missing file (the CLI uses this). Default false. */
  fileMustExist?: boolean;
  /** PostgreSQL pool size. Default 10. */
  poolSize?: number;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file, which another connection (the writer thread) can open too; null for PostgreSQL and `:memory:`. */
  sqliteFile: string | null;
  /** The PostgreSQL URL, for connections of other kinds (pipelined commits, LISTEN); null for SQLite. */
  postgresUrl: string | null;
  close(): Promise<void>;
}

/** Opens (and for SQLite creates, with its directory) the database a URL names. */
export function openDatabase(url: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const dialect = dialectOf(url);
  if (dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect, sqliteFile: null, postgresUrl: url, close: () => db.destroy() };
  }
  const file = sqlitePath(url);
  if (file !== ':memory:' && !options.fileMustExist) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file, { fileMustExist: options.fileMustExist ?? false });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // 64 MiB of page cache (the default is 2 MiB): conversation state is rewritten on every turn.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: cachingStatements(sqlite) }) });
  return { db, dialect, sqliteFile: file === ':memory:' ? null : file, postgresUrl: null, close: () => db.destroy() };
}

/**
 * Transactions take the write lock at BEGIN. Another connection writes to the same file (the
 * writer thread, sqlite-writer.ts; another process): a deferred transaction that read before it
 * wrote would fail with SQLITE_BUSY when that connection committed in between, where an immediate
 * one waits its turn (busy_timeout) and then sees the latest data.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * better-sqlite3 behind a cache of prepared statements: Kysely prepares every query it runs, and
 * preparing costs as much as running a small one. Statements are reused one at a time (Kysely's
 * SQLite driver runs queries sequentially on its single connection). Default 256 statements.
 */
function cachingStatements(sqlite: SQLite.Database, capacity = 256): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => void sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
        if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}
