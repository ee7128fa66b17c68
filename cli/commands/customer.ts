// `switchboard customer export|delete <customerId> --site <siteId>`: data-subject requests from
// the command line, on the database DATABASE_URL names — the same services as the admin API.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../../server/config.ts';
import { dialectOf, sqlitePath } from '../../server/db/dialect-name.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { deleteCustomer, exportCustomer } from '../../server/site-settings/customer-data.ts';
import type { CliIo } from '../io.ts';

const usage = 'usage: switchboard customer export|delete <customerId> --site <siteId> [--out file.json]   (reads DATABASE_URL)\n';

/** The audit log names the CLI operator, since no studio user is signed in. */
const cliActor = { id: null, label: 'cli operator' };

export async function customerCommand(args: string[], io: CliIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { site: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true });
  const [action, customerId] = positionals;
  if ((action !== 'export' && action !== 'delete') || !customerId || positionals.length !== 2 || !values.site) {
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
    const now = new Date();
    if (action === 'export') {
      const result = await exportCustomer(db, { siteId: values.site, customerId, now });
      if (!result.ok) return failed(io, result.failure.message);
      const json = `${JSON.stringify(result.value, null, 2)}\n`;
      if (values.out) {
        await writeFile(values.out, json);
        io.stdout(`Exported ${result.value.conversations.length} conversation(s) of ${customerId} to ${values.out}\n`);
      } else io.stdout(json);
      return 0;
    }
    const result = await deleteCustomer(db, { siteId: values.site, customerId, actor: cliActor, now });
    if (!result.ok) return failed(io, result.failure.message);
    io.stdout(`Deleted ${result.value.conversations} conversation(s) of ${customerId} on site ${values.site} (recorded in the audit log).\n`);
    return 0;
  } finally {
    await close();
  }
}

function failed(io: CliIo, message: string): number {
  io.stderr(`${message}\n`);
  return 1;
}
