// Which version a new conversation runs: the one deployed to the key's environment now. Only
// its id and number — the document (up to megabytes) stays in the database; the compiled-flow
// cache has it.
import type { Kysely } from 'kysely';
import type { Environment } from '../../../shared/index.ts';
import type { Database } from '../../db/database.ts';

export async function liveVersionRef(db: Kysely<Database>, flowId: string, environment: Environment): Promise<{ id: string; number: number } | undefined> {
  const row = await db
    .selectFrom('deployments as d')
    .innerJoin('versions as v', 'v.id', 'd.version_id')
    .select(['v.id', 'v.number'])
    .where('d.flow_id', '=', flowId)
    .where('d.environment', '=', environment)
    .orderBy('d.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, number: Number(row.number) } : undefined;
}
