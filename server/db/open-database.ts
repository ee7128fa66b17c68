// Opens the Kysely instance a DATABASE_URL names: better-sqlite3 (WAL, foreign keys on) for a file
// path, pg for postgres:// URLs. The only place that knows about drivers.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
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
    return { db, dialect, close: () => db.destroy() };
  }
  const file = sqlitePath(url);
  if (file !== ':memory:' && !options.fileMustExist) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file, { fileMustExist: options.fileMustExist ?? false });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect, close: () => db.destroy() };
}
