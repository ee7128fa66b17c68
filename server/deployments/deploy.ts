// Deploy and rollback: both pass the deploy gate and append one deployment row (the history is
// the table itself); rollback picks an older approved version in one step.
import type { Kysely } from 'kysely';
import type { Deployment, DeployCheck, Environment } from '../../shared/index.ts';
import type { ActorRef } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import type { Database, VersionRow } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { isApproved } from '../versioning/approval.ts';
import { currentDeployment } from './current-deployments.ts';
import { deployGate } from './deploy-gate.ts';
import { deploymentsChanged } from './deployment-changes.ts';
import { deploymentHistory } from './deployment-history.ts';

export interface DeployOptions {
  versionId: string;
  environment: Environment;
  note?: string | undefined;
  actor: ActorRef;
  now: Date;
}

export type DeployResult = Result<{ deployment: Deployment; unchanged: boolean }>;

export async function checkDeploy(db: Kysely<Database>, o: { versionId: string; environment: Environment }): Promise<Result<DeployCheck>> {
  const version = await db.selectFrom('versions').selectAll().where('id', '=', o.versionId).executeTakeFirst();
  if (!version) return fail('NOT_FOUND', 'There is no such version.');
  return ok(await deployGate(db, version, o.environment));
}

/** Deploys a version. PRECONDITION_FAILED (with `reasons`) when the gate says no; a no-op when it is already live. */
export async function deployVersion(db: Kysely<Database>, o: DeployOptions): Promise<DeployResult> {
  const version = await db.selectFrom('versions').selectAll().where('id', '=', o.versionId).executeTakeFirst();
  if (!version) return fail('NOT_FOUND', 'There is no such version.');
  return deployChecked(db, version, { ...o, kind: 'deploy' });
}

export interface RollbackOptions {
  flowId: string;
  environment: Environment;
  versionId?: string | undefined;
  note?: string | undefined;
  actor: ActorRef;
  now: Date;
}

/** Rolls an environment back to an older approved version: the given one, or the one live before the current. */
export async function rollback(db: Kysely<Database>, o: RollbackOptions): Promise<DeployResult> {
  const flow = await db.selectFrom('flows').select('id').where('id', '=', o.flowId).executeTakeFirst();
  if (!flow) return fail('NOT_FOUND', `There is no flow "${o.flowId}".`);
  const live = await currentDeployment(db, o.flowId, o.environment);
  if (!live) return fail('PRECONDITION_FAILED', `Nothing is deployed to ${o.environment}, so there is nothing to roll back.`);
  const current = await db.selectFrom('versions').selectAll().where('id', '=', live.version_id).executeTakeFirstOrThrow();

  let target: VersionRow | undefined;
  if (o.versionId !== undefined) {
    target = await db.selectFrom('versions').selectAll().where('id', '=', o.versionId).where('flow_id', '=', o.flowId).executeTakeFirst();
    if (!target) return fail('NOT_FOUND', 'There is no such version of this flow.');
  } else {
    const previous = await db
      .selectFrom('deployments')
      .innerJoin('versions', 'versions.id', 'deployments.version_id')
      .select('versions.id')
      .where('deployments.flow_id', '=', o.flowId)
      .where('deployments.environment', '=', o.environment)
      .where('versions.number', '<', current.number)
      .orderBy('deployments.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!previous) return fail('PRECONDITION_FAILED', `No older version was ever deployed to ${o.environment}; name the version to roll back to.`);
    target = await db.selectFrom('versions').selectAll().where('id', '=', previous.id).executeTakeFirstOrThrow();
  }
  if (Number(target.number) >= Number(current.number)) {
    return fail('BAD_REQUEST', `Version ${Number(target.number)} is not older than version ${Number(current.number)} live in ${o.environment}; deploy it instead.`);
  }
  if (!(await isApproved(db, target))) {
    return fail('PRECONDITION_FAILED', `Version ${Number(target.number)} was never independently approved, so it cannot be rolled back to.`, {
      reasons: [`Version ${Number(target.number)} has no independent approval.`],
    });
  }
  return deployChecked(db, target, { ...o, kind: 'rollback' });
}

async function deployChecked(
  db: Kysely<Database>,
  version: VersionRow,
  o: { environment: Environment; note?: string | undefined; actor: ActorRef; now: Date; kind: 'deploy' | 'rollback' },
): Promise<DeployResult> {
  const gate = await deployGate(db, version, o.environment);
  if (gate.alreadyLive) {
    const [current] = await deploymentHistory(db, { flowId: version.flow_id, environment: o.environment, limit: 1 });
    return ok({ deployment: current!, unchanged: true });
  }
  if (!gate.allowed) {
    return fail('PRECONDITION_FAILED', `Version ${Number(version.number)} cannot be deployed to ${o.environment}: ${gate.reasons.join(' ')}`, {
      reasons: gate.reasons,
    });
  }
  const expected = gate.replaces?.versionId ?? null;
  const written = await db.transaction().execute(async (trx) => {
    // Deploys to one flow are serialised on its flows row: this no-op write takes the row lock on
    // PostgreSQL (a concurrent deploy waits here) and the write lock on SQLite. After it, the live
    // version must still be the one the gate judged; otherwise someone deployed in between and
    // writing now would silently replace their deployment.
    await trx
      .updateTable('flows')
      .set((eb) => ({ id: eb.ref('id') }))
      .where('id', '=', version.flow_id)
      .execute();
    const live = await currentDeployment(trx, version.flow_id, o.environment);
    const liveNow = live?.version_id ?? null;
    if (liveNow !== expected) return { conflict: liveNow } as const;
    const row = await trx
      .insertInto('deployments')
      .values({
        flow_id: version.flow_id,
        environment: o.environment,
        version_id: version.id,
        kind: o.kind,
        replaced_version_id: gate.replaces?.versionId ?? null,
        deployed_by: o.actor.id,
        deployed_at: o.now.toISOString(),
        note: o.note ?? '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: o.actor,
      action: o.kind === 'deploy' ? 'deployment.deploy' : 'deployment.rollback',
      targetType: 'version',
      targetId: version.id,
      details: {
        flowId: version.flow_id,
        environment: o.environment,
        number: Number(version.number),
        contentHash: version.content_hash,
        replacedVersionId: gate.replaces?.versionId ?? null,
      },
      at: o.now,
    });
    return { id: Number(row.id) } as const;
  });
  if ('conflict' in written) {
    if (written.conflict === version.id) {
      const [current] = await deploymentHistory(db, { flowId: version.flow_id, environment: o.environment, limit: 1 });
      return ok({ deployment: current!, unchanged: true });
    }
    const other = written.conflict ? await db.selectFrom('versions').select('number').where('id', '=', written.conflict).executeTakeFirst() : undefined;
    return fail(
      'CONFLICT',
      `While you were deploying version ${Number(version.number)}, ${other ? `version ${Number(other.number)}` : 'another change'} went live in ${o.environment}; nothing was changed. Check what is live and deploy again if you still want to.`,
    );
  }
  deploymentsChanged();
  const [deployment] = await deploymentHistory(db, { ids: [written.id], limit: 1 });
  return ok({ deployment: deployment!, unchanged: false });
}
