// The audit trail: every state-changing action is appended to a hash chain, and verification
// (API and `switchboard audit verify`) catches an edited, deleted or truncated entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCommand } from '../../cli/commands/audit.ts';
import { dialects, makeWorld, sampleFlow, type TestDatabase, type World } from './harness.ts';

function captureIo() {
  const out: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s), isTty: false }, text: () => out.join('') };
}

describe.each(dialects)('audit trail on $name', (dialect) => {
  let database: TestDatabase;
  let world: World;

  beforeEach(async () => {
    database = await dialect.open();
    world = await makeWorld(database);
    const dana = await world.as('dana');
    const rita = await world.as('rita');
    const admin = await world.as('admin');
    await dana.api.flows.import({ document: sampleFlow('audited') });
    const v1 = await dana.api.flows.commit({ flowId: 'audited', baseRevision: 1, message: 'v1' });
    await dana.api.reviews.request({ versionId: v1.id });
    await rita.api.reviews.approve({ versionId: v1.id, contentHash: v1.contentHash });
    await dana.api.deployments.deploy({ versionId: v1.id, environment: 'production' });
    await admin.api.users.setRoles({ userId: world.ids.ann, roles: ['analyst', 'agent'] });
    await admin.api.sites.create({ id: 'shop', name: 'Shop' });
    await admin.api.sites.createKey({ siteId: 'shop', environment: 'staging' });
  });
  afterEach(async () => database.cleanup());

  it('records every state-changing action with its actor, and verifies', async () => {
    const admin = await world.as('admin');
    const entries = await admin.api.audit.list({ limit: 1000 });
    const actions = entries.map((e) => e.action).reverse();
    expect(actions).toEqual(
      expect.arrayContaining(['user.create', 'auth.login', 'flow.create', 'version.commit', 'review.request', 'review.approve', 'deployment.deploy', 'user.roles', 'site.create', 'site_key.create']),
    );
    const approve = entries.find((e) => e.action === 'review.approve')!;
    expect(approve).toMatchObject({ actorId: world.ids.rita, actor: 'rita@example.com', targetType: 'version' });
    expect(entries.every((e, i) => i === entries.length - 1 || e.prevHash === entries[i + 1]!.hash)).toBe(true);
    expect(await admin.api.audit.verify()).toMatchObject({ ok: true, entries: entries.length, problems: [] });

    const cli = captureIo();
    expect(await auditCommand(['verify'], cli.io, { DATABASE_URL: database.url })).toBe(0);
    expect(cli.text()).toMatch(/intact/);
  });

  it('detects an edited entry', async () => {
    await database.db.updateTable('audit_log').set({ actor: 'someone-else@example.com' }).where('action', '=', 'review.approve').execute();
    const admin = await world.as('admin');
    const result = await admin.api.audit.verify();
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind)).toEqual(['hash_mismatch']);
    const cli = captureIo();
    expect(await auditCommand(['verify'], cli.io, { DATABASE_URL: database.url })).toBe(1);
    expect(cli.text()).toMatch(/TAMPERED[\s\S]*review\.approve/);
  });

  it('detects a deleted entry in the middle', async () => {
    const victim = await database.db.selectFrom('audit_log').select('seq').where('action', '=', 'deployment.deploy').executeTakeFirstOrThrow();
    await database.db.deleteFrom('audit_log').where('seq', '=', victim.seq).execute();
    const admin = await world.as('admin');
    const result = await admin.api.audit.verify();
    expect(result.problems.map((p) => p.kind)).toEqual(['missing_entries', 'broken_link']);
    expect(result.problems[0]!.seq).toBe(Number(victim.seq));
  });

  it('detects deleted newest entries', async () => {
    const head = await database.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    await database.db.deleteFrom('audit_log').where('seq', '>', Number(head.seq) - 2).execute();
    const cli = captureIo();
    expect(await auditCommand(['verify', '--json'], cli.io, { DATABASE_URL: database.url })).toBe(1);
    expect(JSON.parse(cli.text())).toMatchObject({ ok: false, problems: [{ kind: 'head_mismatch' }] });
  });

  it('rolls the entry back with the action it records', async () => {
    const before = await database.db.selectFrom('audit_log').select('seq').execute();
    const dana = await world.as('dana');
    await dana.api.flows.commit({ flowId: 'audited', baseRevision: 1, message: 'nothing changed' }).catch(() => undefined);
    const after = await database.db.selectFrom('audit_log').select('seq').execute();
    expect(after.length).toBe(before.length);
  });
});

describe('switchboard audit (usage)', () => {
  it('explains usage and reports a missing database', async () => {
    const usage = captureIo();
    expect(await auditCommand([], usage.io, {})).toBe(2);
    expect(usage.text()).toMatch(/usage/);
    const missing = captureIo();
    expect(await auditCommand(['verify'], missing.io, { DATABASE_URL: '/nonexistent/switchboard.db' })).toBe(1);
    expect(missing.text()).toMatch(/No database/);
  });
});
