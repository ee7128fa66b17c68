// Two people deploy different versions to one environment at the same moment: one wins, the other
// gets a CONFLICT instead of silently replacing what just went live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionSummary } from '../../shared/index.ts';
import { dialects, makeWorld, sampleFlow, type TestDatabase, type World } from './harness.ts';

describe.each(dialects)('concurrent deploys on $name', (dialect) => {
  let database: TestDatabase;
  let world: World;
  const v: VersionSummary[] = [];

  beforeAll(async () => {
    database = await dialect.open();
    world = await makeWorld(database);
    const dana = await world.as('dana');
    const rita = await world.as('rita');
    let revision = (await dana.api.flows.import({ document: sampleFlow('race') })).revision;
    for (const greeting of ['one', 'two', 'three', 'four', 'five']) {
      revision = (await dana.api.flows.saveDraft({ flowId: 'race', baseRevision: revision, document: sampleFlow('race', { greeting }) })).revision;
      const version = await dana.api.flows.commit({ flowId: 'race', baseRevision: revision, message: greeting });
      await rita.api.reviews.approve({ versionId: version.id, contentHash: version.contentHash });
      v.push(version);
    }
    await dana.api.deployments.deploy({ versionId: v[0]!.id, environment: 'production' });
  });
  afterAll(async () => database.cleanup());

  it('serialises them: exactly one succeeds and the other is told what went live', async () => {
    const dana = await world.as('dana');
    const admin = await world.as('admin');
    for (const [a, b] of [
      [v[1]!, v[2]!],
      [v[3]!, v[4]!],
    ] as const) {
      const results = await Promise.allSettled([
        dana.api.deployments.deploy({ versionId: a.id, environment: 'production' }),
        admin.api.deployments.deploy({ versionId: b.id, environment: 'production' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const error = (lost[0] as PromiseRejectedResult).reason as { code: string; message: string };
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/^While you were deploying version \d, version \d went live in production; nothing was changed/);
      // The history is a chain: each deployment replaced what was live before it, nothing overwritten unseen.
      const history = await dana.api.deployments.history({ flowId: 'race', environment: 'production' });
      expect(history[0]!.replacedVersionId).toBe(history[1]!.versionId);
    }
    const history = await dana.api.deployments.history({ flowId: 'race', environment: 'production' });
    expect(history).toHaveLength(3);
  });

  it('a concurrent deploy of the same version is a no-op for the second caller', async () => {
    const dana = await world.as('dana');
    const admin = await world.as('admin');
    const [first, second] = await Promise.all([
      dana.api.deployments.deploy({ versionId: v[0]!.id, environment: 'staging' }),
      admin.api.deployments.deploy({ versionId: v[0]!.id, environment: 'staging' }),
    ]);
    expect([first.unchanged, second.unchanged].sort()).toEqual([false, true]);
    expect(await dana.api.deployments.history({ flowId: 'race', environment: 'staging' })).toHaveLength(1);
  });
});
