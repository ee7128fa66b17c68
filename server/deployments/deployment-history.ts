// The history of what ran where and when, newest first, with version numbers and people resolved.
import type { Kysely } from 'kysely';
import type { Deployment, Environment } from '../../shared/index.ts';
import { loadActors } from '../accounts/actors.ts';
import type { Database } from '../db/database.ts';

export interface HistoryFilter {
  flowId?: string | undefined;
  environment?: Environment | undefined;
  /** Only these deployments. */
  ids?: number[];
  /** Default 100. */
  limit?: number;
}

export async function deploymentHistory(db: Kysely<Database>, f: HistoryFilter): Promise<Deployment[]> {
  let query = db
    .selectFrom('deployments as d')
    .innerJoin('versions as v', 'v.id', 'd.version_id')
    .leftJoin('versions as r', 'r.id', 'd.replaced_version_id')
    .select([
      'd.id',
      'd.flow_id',
      'd.environment',
      'd.version_id',
      'v.number',
      'd.kind',
      'd.replaced_version_id',
      'r.number as replaced_number',
      'd.deployed_by',
      'd.deployed_at',
      'd.note',
    ])
    .orderBy('d.id', 'desc')
    .limit(f.limit ?? 100);
  if (f.flowId !== undefined) query = query.where('d.flow_id', '=', f.flowId);
  if (f.environment !== undefined) query = query.where('d.environment', '=', f.environment);
  if (f.ids !== undefined) {
    if (f.ids.length === 0) return [];
    query = query.where('d.id', 'in', f.ids);
  }
  const rows = await query.execute();
  const actors = await loadActors(db, rows.map((r) => r.deployed_by));
  return rows.map((r) => ({
    id: Number(r.id),
    flowId: r.flow_id,
    environment: r.environment,
    versionId: r.version_id,
    number: Number(r.number),
    kind: r.kind,
    replacedVersionId: r.replaced_version_id,
    replacedNumber: r.replaced_number === null ? null : Number(r.replaced_number),
    deployedBy: actors(r.deployed_by),
    deployedAt: r.deployed_at,
    note: r.note,
  }));
}
