// The flow list: each flow with its draft state, latest version, pending reviews and what is
// live in each environment — a handful of queries regardless of the number of flows.
import type { Kysely } from 'kysely';
import { environments, type FlowSummary } from '../../shared/index.ts';
import { draftStatus, loadActors } from '../accounts/actors.ts';
import type { Database } from '../db/database.ts';
import { currentDeployments } from '../deployments/current-deployments.ts';

export async function listFlows(db: Kysely<Database>): Promise<FlowSummary[]> {
  const flows = await db
    .selectFrom('flows')
    .innerJoin('drafts', 'drafts.flow_id', 'flows.id')
    .select(['flows.id', 'flows.name', 'flows.created_at', 'drafts.revision', 'drafts.committed_revision', 'drafts.updated_at', 'drafts.updated_by'])
    .orderBy('flows.name')
    .execute();
  const newestNumbers = db
    .selectFrom('versions')
    .select(['flow_id', (eb) => eb.fn.max('number').as('n')])
    .groupBy('flow_id')
    .as('m');
  const latest = await db
    .selectFrom('versions as v')
    .innerJoin(newestNumbers, (join) => join.onRef('m.flow_id', '=', 'v.flow_id').onRef('m.n', '=', 'v.number'))
    .select(['v.id', 'v.flow_id', 'v.number', 'v.created_at'])
    .execute();
  const pending = await db
    .selectFrom('reviews')
    .innerJoin('versions', 'versions.id', 'reviews.version_id')
    .select(['versions.flow_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('reviews.status', '=', 'pending')
    .groupBy('versions.flow_id')
    .execute();
  const deployments = await currentDeployments(db);
  const deployedVersions = deployments.length
    ? await db.selectFrom('versions').select(['id', 'number']).where('id', 'in', deployments.map((d) => d.version_id)).execute()
    : [];
  const numberOf = new Map(deployedVersions.map((v) => [v.id, Number(v.number)]));
  const actors = await loadActors(db, flows.map((f) => f.updated_by));
  const latestByFlow = new Map(latest.map((v) => [v.flow_id, v]));
  const pendingByFlow = new Map(pending.map((p) => [p.flow_id, Number(p.n)]));

  return flows.map((f) => {
    const live = Object.fromEntries(
      environments.map((env) => {
        const d = deployments.find((x) => x.flow_id === f.id && x.environment === env);
        return [env, d ? { versionId: d.version_id, number: numberOf.get(d.version_id) ?? 0, deployedAt: d.deployed_at } : null];
      }),
    ) as FlowSummary['deployments'];
    const v = latestByFlow.get(f.id);
    return {
      id: f.id,
      name: f.name,
      createdAt: f.created_at,
      draft: draftStatus(f, actors),
      latestVersion: v ? { id: v.id, number: Number(v.number), createdAt: v.created_at } : null,
      pendingReviews: pendingByFlow.get(f.id) ?? 0,
      deployments: live,
    };
  });
}
