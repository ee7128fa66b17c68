// `switchboard audit verify [--json]`: checks the hash chain of the server's audit log in the
// database DATABASE_URL names (default data/switchboard.db); exit 1 when any entry was edited or deleted.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { verifyAuditLog } from '../../server/audit/verify-audit-log.ts';
import { dialectOf, sqlitePath } from '../../server/db/dialect-name.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { defaultConfig } from '../../server/config.ts';

interface AuditIo {
  stdout(s: string): void;
  stderr(s: string): void;
  isTty: boolean;
}

const usage = 'usage: switchboard audit verify [--json]   (reads DATABASE_URL, default data/switchboard.db)\n';

/** Runs `audit <subcommand>`. Exit codes: 0 chain intact, 1 tampering found or no database, 2 usage. */
export async function auditCommand(args: string[], io: AuditIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals[0] !== 'verify' || positionals.length !== 1) {
    io.stderr(usage);
    return 2;
  }
  const url = env.DATABASE_URL || defaultConfig.databaseUrl;
  if (dialectOf(url) === 'sqlite' && !existsSync(sqlitePath(url))) {
    io.stderr(`No database at ${sqlitePath(url)}; set DATABASE_URL to the server's database.\n`);
    return 1;
  }
  const { db, close } = openDatabase(url, { fileMustExist: true, poolSize: 1 });
  try {
    const result = await verifyAuditLog(db);
    if (values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    } else if (result.ok) {
      io.stdout(`Audit log intact: ${result.entries} entries, head ${result.headHash}\n`);
    } else {
      io.stdout(`Audit log TAMPERED: ${result.problems.length} problem(s) in ${result.entries} entries\n`);
      for (const p of result.problems) io.stdout(`  #${p.seq} ${p.kind}: ${p.message}\n`);
    }
    return result.ok ? 0 : 1;
  } catch (error) {
    io.stderr(`Could not read the audit log: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await close();
  }
}
