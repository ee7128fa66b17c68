// The four-eyes rule through every path: approving one's own version directly, after gaining the
// reviewer role mid-review, and after editing an approved version; approvals bound to content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/index.ts';
import { dialects, makeWorld, rejects, sampleFlow, type TestClient, type TestDatabase, type World } from './harness.ts';

async function commitDoc(client: TestClient, document: JsonObject, message: string) {
  const flowId = String(document.id);
  const existing = await client.api.flows.get({ flowId }).catch(() => null);
  const revision = existing
    ? (await client.api.flows.saveDraft({ flowId, baseRevision: existing.revision, document })).revision
    : (await client.api.flows.import({ document })).revision;
  return client.api.flows.commit({ flowId, baseRevision: revision, message });
}

describe.each(dialects)('four-eyes approval on $name', (dialect) => {
  let database: TestDatabase;
  let world: World;

  beforeAll(async () => {
    database = await dialect.open();
    world = await makeWorld(database);
  });
  afterAll(async () => database.cleanup());

  it('an author who is also a reviewer cannot approve or reject their own version', async () => {
    const dora = await world.as('dora');
    const v1 = await commitDoc(dora, sampleFlow('own'), 'mine');
    await dora.api.reviews.request({ versionId: v1.id, note: 'please look' });
    const { error } = await rejects(dora.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash }), 'FORBIDDEN');
    expect(error.message).toMatch(/four-eyes/);
    await rejects(dora.api.reviews.reject({ versionId: v1.id, comment: 'meh' }), 'FORBIDDEN');
    await rejects(dora.api.deployments.deploy({ versionId: v1.id, environment: 'production' }), 'PRECONDITION_FAILED');

    const rita = await world.as('rita');
    await rita.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash, comment: 'ok' });
    const review = await dora.api.reviews.get({ versionId: v1.id });
    expect(review).toMatchObject({ status: 'approved', approved: true, decidedBy: { email: 'rita@example.com' } });
    expect(review.events.map((e) => e.kind)).toEqual(['request', 'approve']);
    await rejects(rita.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash }), 'CONFLICT');
  });

  it('gaining the reviewer role mid-review does not let the author approve', async () => {
    const dana = await world.as('dana');
    const admin = await world.as('admin');
    const v1 = await commitDoc(dana, sampleFlow('midreview', { threshold: 0.6 }), 'stricter');
    await dana.api.reviews.request({ versionId: v1.id });
    // Without the role: 403 by role.
    await rejects(dana.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash }), 'FORBIDDEN');
    await admin.api.users.setRoles({ userId: world.ids.dana, roles: ['designer', 'reviewer'] });
    // With the role, the same session, immediately: still 403, now by authorship.
    const { error } = await rejects(dana.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash }), 'FORBIDDEN');
    expect(error.message).toMatch(/author/);
    const check = await dana.api.deployments.check({ versionId: v1.id, environment: 'production' });
    expect(check).toMatchObject({ allowed: false, approved: false, needsApproval: true });
    await admin.api.users.setRoles({ userId: world.ids.dana, roles: ['designer'] });
  });

  it('editing after approval produces a new version that needs its own approval', async () => {
    const dora = await world.as('dora');
    const rita = await world.as('rita');
    const v1 = await commitDoc(dora, sampleFlow('edited'), 'v1');
    await rita.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash });
    await dora.api.deployments.deploy({ versionId: v1.id, environment: 'production' });

    const v2 = await commitDoc(dora, sampleFlow('edited', { ruleQueue: 'general' }), 'quietly route fraud to general');
    expect(v2.approved).toBe(false);
    const { data } = await rejects(dora.api.deployments.deploy({ versionId: v2.id, environment: 'production' }), 'PRECONDITION_FAILED');
    expect(data.reasons?.join(' ')).toMatch(/approval/);
    await rejects(dora.api.reviews.approve({ versionId: v2.id, contentHash: v2.contentHash }), 'FORBIDDEN');
    // The old approval cannot be replayed onto the new content.
    await rejects(rita.api.reviews.approve({ versionId: v2.id, contentHash: v1.contentHash }), 'CONFLICT');
    const live = await dora.api.deployments.current({ flowId: 'edited' });
    expect(live.map((d) => d.versionId)).toEqual([v1.id]);
  });

  it('a reviewer who edits after approving becomes an author of the next version', async () => {
    const dana = await world.as('dana');
    const dora = await world.as('dora');
    const v1 = await commitDoc(dana, sampleFlow('coauthor'), 'by dana');
    await dora.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash });
    const v2 = await commitDoc(dora, sampleFlow('coauthor', { threshold: 0.3 }), 'dora lowers the threshold');
    await rejects(dora.api.reviews.approve({ versionId: v2.id, contentHash: v2.contentHash }), 'FORBIDDEN');
    const detail = await dana.api.versions.get({ versionId: v2.id });
    expect(detail.authors.map((a) => a?.email)).toEqual(['dora@example.com']);
  });

  it('authors of an unapproved parent stay authors of the child', async () => {
    const dora = await world.as('dora');
    const dana = await world.as('dana');
    await commitDoc(dora, sampleFlow('inherit', { threshold: 0.9 }), 'dora, unreviewed');
    const v2 = await commitDoc(dana, sampleFlow('inherit', { threshold: 0.9, greeting: 'Hey' }), 'dana tweaks the greeting');
    await rejects(dora.api.reviews.approve({ versionId: v2.id, contentHash: v2.contentHash }), 'FORBIDDEN');
    const detail = await dana.api.versions.get({ versionId: v2.id });
    expect(detail.authors.map((a) => a?.email).sort()).toEqual(['dana@example.com', 'dora@example.com']);
    const rob = await world.as('rob');
    await rob.api.reviews.approve({ versionId: v2.id, contentHash: v2.contentHash });
  });

  it('a co-editor of the draft counts as an author even if someone else commits', async () => {
    const dana = await world.as('dana');
    const dora = await world.as('dora');
    await dana.api.flows.import({ document: sampleFlow('shared-draft') });
    const draft = await dora.api.flows.get({ flowId: 'shared-draft' });
    const saved = await dora.api.flows.saveDraft({ flowId: 'shared-draft', baseRevision: draft.revision, document: sampleFlow('shared-draft', { ruleQueue: 'vip' }) });
    const v1 = await dana.api.flows.commit({ flowId: 'shared-draft', baseRevision: saved.revision, message: 'dana commits dora edits' });
    await rejects(dora.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash }), 'FORBIDDEN');
  });

  it('approval is bound to the content hash: layout-only versions keep it, content changes lose it', async () => {
    const dana = await world.as('dana');
    const rita = await world.as('rita');
    const doc = sampleFlow('layout');
    const v1 = await commitDoc(dana, doc, 'v1');
    await rita.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash });

    const moved = structuredClone(doc);
    (moved.nodes as JsonObject[])[2]!.position = { x: 480, y: 960 };
    const v2 = await commitDoc(dana, moved, 'tidy the canvas');
    expect(v2.contentHash).toBe(v1.contentHash);
    expect(v2.approved).toBe(true);
    await dana.api.deployments.deploy({ versionId: v2.id, environment: 'production' });

    const changed = await commitDoc(dana, sampleFlow('layout', { greeting: 'New words' }), 'copy edit');
    expect(changed.approved).toBe(false);
    const list = await dana.api.versions.list({ flowId: 'layout' });
    expect(list.map((v) => [v.number, v.approved, v.reviewStatus])).toEqual([
      [3, false, 'none'],
      [2, true, 'none'],
      [1, true, 'approved'],
    ]);
  });

  it('a version whose stored content was altered after approval cannot be deployed', async () => {
    const dana = await world.as('dana');
    const rita = await world.as('rita');
    const v1 = await commitDoc(dana, sampleFlow('tamper'), 'v1');
    await rita.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash });
    const row = await database.db.selectFrom('versions').select('document').where('id', '=', v1.id).executeTakeFirstOrThrow();
    await database.db
      .updateTable('versions')
      .set({ document: row.document.replace('"queue":"fraud"', '"queue":"nowhere"') })
      .where('id', '=', v1.id)
      .execute();
    const { data } = await rejects(dana.api.deployments.deploy({ versionId: v1.id, environment: 'production' }), 'PRECONDITION_FAILED');
    expect(data.reasons?.join(' ')).toMatch(/content hash/);
  });

  it('a rejected version cannot be deployed anywhere', async () => {
    const dana = await world.as('dana');
    const rita = await world.as('rita');
    const v1 = await commitDoc(dana, sampleFlow('rejected'), 'v1');
    await dana.api.reviews.request({ versionId: v1.id });
    await rejects(dana.api.reviews.request({ versionId: v1.id }), 'CONFLICT');
    await rita.api.reviews.reject({ versionId: v1.id, comment: 'The fraud queue is wrong.' });
    await rejects(rita.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash }), 'CONFLICT');
    await rejects(dana.api.reviews.request({ versionId: v1.id }), 'PRECONDITION_FAILED');
    for (const environment of ['staging', 'production'] as const) {
      const { data } = await rejects(dana.api.deployments.deploy({ versionId: v1.id, environment }), 'PRECONDITION_FAILED');
      expect(data.reasons?.join(' ')).toMatch(/rejected/);
    }
    const queue = await rita.api.reviews.queue({ status: 'rejected' });
    expect(queue.map((q) => q.versionId)).toContain(v1.id);
  });
});
