// The rule that decides whether a version may go live in an environment (docs/server.md,
// "Deploy rules"): production always needs an independent approval of the exact content;
// staging needs one when the policy differs from what staging runs now.
import type { Kysely } from 'kysely';
import type { DeployCheck, Environment } from '../../shared/index.ts';
import type { Database, VersionRow } from '../db/database.ts';
import { isApproved } from '../versioning/approval.ts';
import { storedDocumentIntact } from '../versioning/stored-document.ts';
import { currentDeployment } from './current-deployments.ts';

/** Evaluates the gate for a stored version; `allowed` false comes with one reason per broken rule. */
export async function deployGate(db: Kysely<Database>, version: VersionRow, environment: Environment): Promise<DeployCheck> {
  const live = await currentDeployment(db, version.flow_id, environment);
  const liveVersion = live
    ? await db.selectFrom('versions').select(['id', 'number', 'policy_hash']).where('id', '=', live.version_id).executeTakeFirstOrThrow()
    : undefined;
  const review = await db.selectFrom('reviews').select('status').where('version_id', '=', version.id).executeTakeFirst();
  const approved = await isApproved(db, version);
  const policyChanged = liveVersion === undefined || liveVersion.policy_hash !== version.policy_hash;
  const needsApproval = environment === 'production' || policyChanged;
  const reasons: string[] = [];
  const n = Number(version.number);

  if (!storedDocumentIntact(version)) {
    reasons.push(`The stored document of version ${n} does not match its content hash (it was altered after commit).`);
  }
  if (review?.status === 'rejected') reasons.push(`Version ${n} was rejected in review.`);
  if (needsApproval && !approved) {
    reasons.push(
      environment === 'production'
        ? `Version ${n} needs an approval from a reviewer who is not one of its authors before it can go to production.`
        : liveVersion
          ? `Version ${n} changes escalation rules, thresholds or handoff nodes compared with version ${Number(liveVersion.number)} in ${environment}; it needs an independent approval first.`
          : `Nothing is deployed to ${environment} yet, so version ${n} needs an independent approval first.`,
    );
  }
  return {
    allowed: reasons.length === 0,
    reasons,
    needsApproval,
    approved,
    policyChanged,
    replaces: liveVersion ? { versionId: liveVersion.id, number: Number(liveVersion.number) } : null,
    alreadyLive: live?.version_id === version.id,
  };
}
