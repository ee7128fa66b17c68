// One dashboard load, the live tiles and the filter choices: the filter checked against what is
// stored (an unknown flow or a version of another flow is a clear 400, not an empty dashboard),
// then the queries, then the pure definitions.
import type { Kysely } from 'kysely';
import type { DashboardFigures, DashboardFilter, DashboardOptions, LiveFilter, LiveTiles } from '../../shared/api/dashboard.ts';
import type { Database } from '../db/database.ts';
import type { DialectName } from '../db/dialect-name.ts';
import { fail, ok, type Result } from '../failure.ts';
import { queryAggregates, queryLive, queryOptions } from './dashboard-queries.ts';
import { figuresOf, liveTilesOf } from './metric-definitions.ts';

async function checkFilter(db: Kysely<Database>, f: { flowId?: string | undefined; versionId?: string | undefined }): Promise<Result<void>> {
  if (f.flowId !== undefined) {
    const flow = await db.selectFrom('flows').select('id').where('id', '=', f.flowId).executeTakeFirst();
    if (!flow) return fail('BAD_REQUEST', `flowId: there is no flow "${f.flowId}".`);
  }
  if (f.versionId !== undefined) {
    const version = await db.selectFrom('versions').select(['flow_id', 'number']).where('id', '=', f.versionId).executeTakeFirst();
    if (!version) return fail('BAD_REQUEST', `versionId: there is no version "${f.versionId}".`);
    if (f.flowId !== undefined && version.flow_id !== f.flowId) {
      return fail('BAD_REQUEST', `versionId: version ${version.number} belongs to flow "${version.flow_id}", not "${f.flowId}".`);
    }
  }
  return ok(undefined);
}

export async function dashboardFigures(db: Kysely<Database>, dialect: DialectName, f: DashboardFilter): Promise<Result<DashboardFigures>> {
  const checked = await checkFilter(db, f);
  if (!checked.ok) return checked;
  return ok(figuresOf(await queryAggregates(db, dialect, f), f));
}

export async function dashboardLive(db: Kysely<Database>, f: LiveFilter, now: Date): Promise<Result<LiveTiles>> {
  const checked = await checkFilter(db, f);
  if (!checked.ok) return checked;
  return ok(liveTilesOf({ now, ...(await queryLive(db, f, now)) }));
}

export async function dashboardOptions(db: Kysely<Database>): Promise<DashboardOptions> {
  return queryOptions(db);
}
