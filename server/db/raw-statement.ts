// Hot-path SQL written once as text and reused: building a query with Kysely's builder and
// compiling it costs more than running a small indexed statement (docs/benchmarks.md, "site"),
// so the few statements every site turn runs skip the builder. Written with `?` placeholders;
// PostgreSQL gets `$1, $2…`. The SQLite driver caches the prepared statement by its text.
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { DialectName } from './dialect-name.ts';

export type RawStatement = (params: readonly unknown[]) => CompiledQuery;

/** Compiles `text` for the dialect once; the returned function binds parameters. */
export function rawStatement(dialect: DialectName, text: string): RawStatement {
  let n = 0;
  const sql = dialect === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
  return (params) => CompiledQuery.raw(sql, [...params]);
}

/** A module's statements, built once for each dialect: `const statements = perDialect((d) => ({ … }))`, then `statements[dialect]`. */
export function perDialect<T>(build: (dialect: DialectName) => T): Record<DialectName, T> {
  return { sqlite: build('sqlite'), postgres: build('postgres') };
}

/** Runs a statement; its rows typed as the caller says (they come straight from the driver). */
export async function runRaw<Row>(db: Kysely<Database> | Transaction<Database>, statement: CompiledQuery): Promise<{ rows: Row[]; changes: number }> {
  const result = await db.executeQuery<Row>(statement);
  return { rows: result.rows, changes: Number(result.numAffectedRows ?? 0n) };
}
