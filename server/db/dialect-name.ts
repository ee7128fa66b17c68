// Which SQL dialect a database URL selects. Kept apart so migrations and the CLI can ask without
// opening a connection.

export type DialectName = 'sqlite' | 'postgres';

/** `postgres://` or `postgresql://` selects PostgreSQL; anything else is a SQLite file path (`sqlite:` / `file:` prefixes allowed). */
export function dialectOf(url: string): DialectName {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/** The SQLite file path a URL names (`:memory:` allowed). */
export function sqlitePath(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/i, '').replace(/^file:(\/\/)?/i, '');
}
