// Which version a new conversation runs: the one deployed to the key's environment now. Only
// its id and number — the document (up to megabytes) stays in the database; the compiled-flow
// cache has it. Every start asks, so the statement is prebuilt (raw-statement.ts).
import type { Kysely } from 'kysely';
import type { Environment } from '../../../shared/index.ts';
import type { Database } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect-name.ts';
import { perDialect, rawStatement, runRaw } from '../../db/raw-statement.ts';

const statements = perDialect((dialect) => ({
  live: rawStatement(
    dialect,
    'select v.id, v.number from deployments as d inner join versions as v on v.id = d.version_id where d.flow_id = ? and d.environment = ? order by d.id desc limit 1',
  ),
}));

export async function liveVersionRef(db: Kysely<Database>, dialect: DialectName, flowId: string, environment: Environment): Promise<{ id: string; number: number } | undefined> {
  const [row] = (await runRaw<{ id: string; number: number | string }>(db, statements[dialect].live([flowId, environment]))).rows;
  return row ? { id: row.id, number: Number(row.number) } : undefined;
}
