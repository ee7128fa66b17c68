// Brings a database to the latest schema with Kysely's Migrator and the in-code migrations.
import { Migrator, sql, type Kysely } from 'kysely';
import type { Database } from './database.ts';
import type { DialectName } from './dialect-name.ts';
import { migrations } from './migrations.ts';

/** Runs every pending migration; throws (with the failing migration's name) if one fails. */
export async function migrateToLatest(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    // On PostgreSQL, name the schema the connection works in: without it Kysely takes another
    // schema's kysely_migration_lock (several databases sharing one server, e.g. the tests) for
    // ours, skips creating it, and the migration fails.
    ...(dialect === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: set search_path to an existing schema.');
  return schema;
}
