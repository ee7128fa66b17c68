// What is live where: the newest deployment row per flow and environment. The site API (issue 5)
// pins new conversations to `liveVersion`.
import type { Kysely, Selectable } from 'kysely';
import type { Environment } from '../../shared/index.ts';
import type { Database, DeploymentsTable, VersionRow } from '../db/database.ts';

export type DeploymentRow = Selectable<DeploymentsTable>;

/** The live deployment of every (flow, environment), optionally for one flow. */
export async function currentDeployments(db: Kysely<Database>, flowId?: string): Promise<DeploymentRow[]> {
  let newest = db
    .selectFrom('deployments')
    .select((eb) => eb.fn.max('id').as('id'))
    .groupBy(['flow_id', 'environment']);
  if (flowId !== undefined) newest = newest.where('flow_id', '=', flowId);
  const rows = await db.selectFrom('deployments').selectAll().where('id', 'in', newest).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The live deployment of one flow in one environment, or undefined. */
export async function currentDeployment(db: Kysely<Database>, flowId: string, environment: Environment): Promise<DeploymentRow | undefined> {
  const row = await db
    .selectFrom('deployments')
    .selectAll()
    .where('flow_id', '=', flowId)
    .where('environment', '=', environment)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...row, id: Number(row.id) } : undefined;
}

/** The version live for a flow in an environment (row with its canonical document), or undefined. */
export async function liveVersion(db: Kysely<Database>, flowId: string, environment: Environment): Promise<VersionRow | undefined> {
  const deployment = await currentDeployment(db, flowId, environment);
  if (!deployment) return undefined;
  return db.selectFrom('versions').selectAll().where('id', '=', deployment.version_id).executeTakeFirst();
}
