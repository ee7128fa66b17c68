// Site keys: created per site and environment, the secret shown once and only its hash stored,
// revocation takes effect immediately.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/crypto/digest.ts';
import { verifySiteKey } from '../../server/sites/site-keys.ts';
import { dialects, makeWorld, rejects, type TestDatabase, type World } from './harness.ts';

describe.each(dialects)('sites and keys on $name', (dialect) => {
  let database: TestDatabase;
  let world: World;

  beforeAll(async () => {
    database = await dialect.open();
    world = await makeWorld(database);
  });
  afterAll(async () => database.cleanup());

  it('creates, lists, verifies and revokes keys', async () => {
    const admin = await world.as('admin');
    await admin.api.sites.create({ id: 'acme', name: 'Acme' });
    await rejects(admin.api.sites.create({ id: 'acme', name: 'Again' }), 'CONFLICT');
    const live = await admin.api.sites.createKey({ siteId: 'acme', environment: 'production', label: 'web' });
    const test = await admin.api.sites.createKey({ siteId: 'acme', environment: 'staging' });
    expect(live.secret).toMatch(/^sb_live_/);
    expect(test.secret).toMatch(/^sb_test_/);
    expect(live.key.prefix).toBe(`${live.secret.slice(0, 12)}…`);

    const rows = await database.db.selectFrom('site_keys').selectAll().execute();
    expect(rows.map((r) => r.key_hash)).toContain(sha256Hex(live.secret));
    expect(JSON.stringify(rows)).not.toContain(live.secret);
    const listed = await admin.api.sites.list();
    expect(JSON.stringify(listed)).not.toContain(live.secret);
    expect(listed.find((s) => s.id === 'acme')?.keys.map((k) => k.environment)).toEqual(['production', 'staging']);

    expect(await verifySiteKey(database.db, live.secret)).toEqual({ keyId: live.key.id, siteId: 'acme', environment: 'production' });
    await admin.api.sites.revokeKey({ keyId: live.key.id });
    expect(await verifySiteKey(database.db, live.secret)).toBeNull();
    await rejects(admin.api.sites.revokeKey({ keyId: live.key.id }), 'CONFLICT');
    await rejects(admin.api.sites.revokeKey({ keyId: 'key_nope' }), 'NOT_FOUND');
    await rejects(admin.api.sites.createKey({ siteId: 'nope', environment: 'staging' }), 'NOT_FOUND');
    expect(await verifySiteKey(database.db, 'sb_live_made_up')).toBeNull();
  });
});
