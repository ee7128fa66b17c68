// Deploy and rollback: production needs approval, staging needs it only for policy changes,
// rollback to an earlier approved version in one step, and the history of what ran where.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, VersionSummary } from '../../shared/index.ts';
import { dialects, makeWorld, rejects, sampleFlow, type TestDatabase, type World } from './harness.ts';

describe.each(dialects)('deployments on $name', (dialect) => {
  let database: TestDatabase;
  let world: World;
  const v: Record<string, VersionSummary> = {};

  beforeAll(async () => {
    database = await dialect.open();
    world = await makeWorld(database);
    const dana = await world.as('dana');
    let revision = (await dana.api.flows.import({ document: sampleFlow('shop') })).revision;
    const commit = async (name: string, doc: JsonObject) => {
      if (name !== 'v1') revision = (await dana.api.flows.saveDraft({ flowId: 'shop', baseRevision: revision, document: doc })).revision;
      v[name] = await dana.api.flows.commit({ flowId: 'shop', baseRevision: revision, message: name });
    };
    await commit('v1', sampleFlow('shop'));
    await commit('v2', sampleFlow('shop', { greeting: 'Text only change' }));
    await commit('v3', sampleFlow('shop', { greeting: 'Text only change', threshold: 0.7 }));
  });
  afterAll(async () => database.cleanup());

  it('needs an approval for the first deployment to an environment', async () => {
    const dana = await world.as('dana');
    const { data } = await rejects(dana.api.deployments.deploy({ versionId: v.v1!.id, environment: 'staging' }), 'PRECONDITION_FAILED');
    expect(data.reasons?.[0]).toMatch(/Nothing is deployed to staging/);
  });

  it('deploys an approved version to staging and production', async () => {
    const dana = await world.as('dana');
    const rita = await world.as('rita');
    await rita.api.reviews.approve({ versionId: v.v1!.id, contentHash: v.v1!.contentHash });
    const staging = await dana.api.deployments.deploy({ versionId: v.v1!.id, environment: 'staging', note: 'try it' });
    expect(staging).toMatchObject({ unchanged: false, deployment: { kind: 'deploy', number: 1, environment: 'staging', replacedVersionId: null, note: 'try it' } });
    const again = await dana.api.deployments.deploy({ versionId: v.v1!.id, environment: 'staging' });
    expect(again.unchanged).toBe(true);
    const admin = await world.as('admin');
    await admin.api.deployments.deploy({ versionId: v.v1!.id, environment: 'production' });
  });

  it('lets a version without policy changes into staging but not production unapproved', async () => {
    const dana = await world.as('dana');
    const check = await dana.api.deployments.check({ versionId: v.v2!.id, environment: 'staging' });
    expect(check).toMatchObject({ allowed: true, needsApproval: false, policyChanged: false, replaces: { number: 1 } });
    await dana.api.deployments.deploy({ versionId: v.v2!.id, environment: 'staging' });
    await rejects(dana.api.deployments.deploy({ versionId: v.v2!.id, environment: 'production' }), 'PRECONDITION_FAILED');
  });

  it('keeps a threshold change out of staging until independently approved', async () => {
    const dana = await world.as('dana');
    const { data } = await rejects(dana.api.deployments.deploy({ versionId: v.v3!.id, environment: 'staging' }), 'PRECONDITION_FAILED');
    expect(data.reasons?.[0]).toMatch(/escalation rules, thresholds or handoff nodes/);
    const rob = await world.as('rob');
    await rob.api.reviews.approve({ versionId: v.v3!.id, contentHash: v.v3!.contentHash });
    await dana.api.deployments.deploy({ versionId: v.v3!.id, environment: 'staging' });
    const prod = await dana.api.deployments.deploy({ versionId: v.v3!.id, environment: 'production' });
    expect(prod.deployment).toMatchObject({ replacedVersionId: v.v1!.id, replacedNumber: 1, deployedBy: { email: 'dana@example.com' } });
  });

  it('rolls back to the previous approved version in one step, and refuses unapproved or newer targets', async () => {
    const dana = await world.as('dana');
    await rejects(dana.api.deployments.rollback({ flowId: 'shop', environment: 'production', versionId: v.v2!.id }), 'PRECONDITION_FAILED');
    const back = await dana.api.deployments.rollback({ flowId: 'shop', environment: 'production', note: 'threshold too strict' });
    expect(back.deployment).toMatchObject({ kind: 'rollback', versionId: v.v1!.id, replacedVersionId: v.v3!.id });
    await rejects(dana.api.deployments.rollback({ flowId: 'shop', environment: 'production', versionId: v.v3!.id }), 'BAD_REQUEST');
    await rejects(dana.api.deployments.rollback({ flowId: 'shop', environment: 'production' }), 'PRECONDITION_FAILED');
    await rejects(dana.api.deployments.rollback({ flowId: 'nope', environment: 'production' }), 'NOT_FOUND');
    await rejects(dana.api.deployments.deploy({ versionId: 'ver_nope', environment: 'production' }), 'NOT_FOUND');
  });

  it('records what ran where and when', async () => {
    const ann = await world.as('ann');
    const history = await ann.api.deployments.history({ flowId: 'shop' });
    expect(history.map((d) => `${d.environment}:v${d.number}:${d.kind}`)).toEqual([
      'production:v1:rollback',
      'production:v3:deploy',
      'staging:v3:deploy',
      'staging:v2:deploy',
      'production:v1:deploy',
      'staging:v1:deploy',
    ]);
    const current = await ann.api.deployments.current({ flowId: 'shop' });
    expect(Object.fromEntries(current.map((d) => [d.environment, d.number]))).toEqual({ staging: 3, production: 1 });
    const flows = await ann.api.flows.list();
    expect(flows.find((f) => f.id === 'shop')?.deployments).toMatchObject({ staging: { number: 3 }, production: { number: 1 } });
    const versions = await ann.api.versions.list({ flowId: 'shop' });
    expect(versions.map((x) => [x.number, x.liveIn])).toEqual([
      [3, ['staging']],
      [2, []],
      [1, ['production']],
    ]);
  });
});
