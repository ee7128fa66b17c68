// Accounts and sessions: sign-in, throttling, CSRF and Origin checks on mutations, session
// expiry and revocation, password changes, and the last-admin guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/crypto/digest.ts';
import { SESSION_COOKIE } from '../../server/auth/cookies.ts';
import { dialects, makeWorld, PASSWORD, rejects, TestClient, type TestDatabase, type World } from './harness.ts';

describe.each(dialects)('auth on $name', (dialect) => {
  let database: TestDatabase;
  let world: World;

  beforeAll(async () => {
    database = await dialect.open();
    world = await makeWorld(database, { login: { maxFailuresPerAccount: 3, maxFailuresPerIp: 10, windowMs: 15 * 60_000 } });
  });
  afterAll(async () => database.cleanup());

  it('signs in with cookies, stores only the session hash, and signs out', async () => {
    const client = world.anonymous();
    expect(await client.api.auth.me()).toBeNull();
    const { user, csrfToken } = await client.api.auth.login({ email: 'Dana@Example.com', password: PASSWORD });
    expect(user).toMatchObject({ email: 'dana@example.com', roles: ['designer'] });
    expect(client.cookies.get('sb_csrf')).toBe(csrfToken);
    const token = client.cookies.get(SESSION_COOKIE)!;
    const stored = await database.db.selectFrom('sessions').select('id').where('user_id', '=', world.ids.dana).execute();
    expect(stored.map((s) => s.id)).toContain(sha256Hex(token));
    expect(stored.map((s) => s.id)).not.toContain(token);
    expect(await client.api.auth.me()).toMatchObject({ email: 'dana@example.com' });
    await client.api.auth.logout();
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    client.cookies.set(SESSION_COOKIE, token);
    expect(await client.api.auth.me()).toBeNull();
  });

  it('answers a wrong password and an unknown e-mail alike, then throttles per e-mail and IP', async () => {
    const client = new TestClient(world.deps, '198.51.100.1');
    const wrong = await rejects(client.api.auth.login({ email: 'rita@example.com', password: 'nope nope nope' }), 'UNAUTHORIZED');
    const unknown = await rejects(client.api.auth.login({ email: 'ghost@example.com', password: 'nope nope nope' }), 'UNAUTHORIZED');
    expect(wrong.error.message).toBe(unknown.error.message);
    await rejects(client.api.auth.login({ email: 'rita@example.com', password: 'nope' }), 'UNAUTHORIZED');
    await rejects(client.api.auth.login({ email: 'rita@example.com', password: 'nope' }), 'UNAUTHORIZED');
    const { data } = await rejects(client.api.auth.login({ email: 'rita@example.com', password: PASSWORD }), 'TOO_MANY_REQUESTS');
    expect(data.retryAfterSeconds).toBeGreaterThan(0);
    // Another IP is not blocked; the window passing lifts the block.
    await new TestClient(world.deps, '198.51.100.2').api.auth.login({ email: 'rita@example.com', password: PASSWORD });
    world.clock.advance(16 * 60_000);
    await client.api.auth.login({ email: 'rita@example.com', password: PASSWORD });
  });

  it('requires the CSRF header matching the session on mutations', async () => {
    const dana = new TestClient(world.deps);
    await dana.api.auth.login({ email: 'dana@example.com', password: PASSWORD });
    dana.csrfOverride = undefined;
    await rejects(dana.api.flows.create({ id: 'csrf', name: 'x' }), 'FORBIDDEN');
    dana.csrfOverride = 'forged-token';
    await rejects(dana.api.flows.create({ id: 'csrf', name: 'x' }), 'FORBIDDEN');
    // Another session's valid token does not work either.
    const dave = await world.as('dave');
    dana.csrfOverride = dave.cookies.get('sb_csrf');
    await rejects(dana.api.flows.create({ id: 'csrf', name: 'x' }), 'FORBIDDEN');
    // Queries need no token.
    await dana.api.flows.list();
    dana.csrfOverride = null;
    await dana.api.flows.create({ id: 'csrf', name: 'x' });
    // Sign-in itself needs the header (a cross-site form cannot send it).
    const anon = world.anonymous();
    anon.csrfOverride = undefined;
    await rejects(anon.api.auth.login({ email: 'dana@example.com', password: PASSWORD }), 'FORBIDDEN');
  });

  it('refuses mutations from a foreign Origin unless allowed', async () => {
    const dana = new TestClient(world.deps);
    await dana.api.auth.login({ email: 'dana@example.com', password: PASSWORD });
    dana.origin = 'https://evil.example';
    await rejects(dana.api.flows.create({ id: 'origin', name: 'x' }), 'FORBIDDEN');
    dana.origin = 'https://studio.test';
    await dana.api.flows.create({ id: 'origin', name: 'x' });
    const anon = world.anonymous();
    anon.origin = 'null';
    await rejects(anon.api.auth.login({ email: 'dana@example.com', password: PASSWORD }), 'FORBIDDEN');
  });

  it('expires sessions', async () => {
    const client = new TestClient(world.deps);
    await client.api.auth.login({ email: 'ann@example.com', password: PASSWORD });
    await client.api.flows.list();
    world.clock.advance(world.deps.config.sessionTtlMs + 1);
    await rejects(client.api.flows.list(), 'UNAUTHORIZED');
  });

  it('ends sessions of disabled users and protects the last admin', async () => {
    const admin = new TestClient(world.deps);
    await admin.api.auth.login({ email: 'admin@example.com', password: PASSWORD });
    const alex = new TestClient(world.deps);
    await alex.api.auth.login({ email: 'alex@example.com', password: PASSWORD });
    await admin.api.users.setDisabled({ userId: world.ids.alex, disabled: true });
    expect(await alex.api.auth.me()).toBeNull();
    await rejects(alex.api.auth.login({ email: 'alex@example.com', password: PASSWORD }), 'UNAUTHORIZED');
    await admin.api.users.setDisabled({ userId: world.ids.alex, disabled: false });

    await rejects(admin.api.users.setRoles({ userId: world.ids.admin, roles: ['designer'] }), 'PRECONDITION_FAILED');
    await rejects(admin.api.users.setDisabled({ userId: world.ids.admin, disabled: true }), 'PRECONDITION_FAILED');
    await rejects(admin.api.users.setRoles({ userId: 'usr_nope', roles: [] }), 'NOT_FOUND');
    const users = await admin.api.users.list();
    expect(users.find((u) => u.email === 'dora@example.com')?.roles).toEqual(['designer', 'reviewer']);
    await rejects(admin.api.users.create({ email: 'dora@example.com', name: 'Dup', password: PASSWORD, roles: [] }), 'CONFLICT');
    const created = await admin.api.users.create({ email: 'New.Person@Example.com', name: 'New', password: PASSWORD, roles: ['analyst'] });
    expect(created.email).toBe('new.person@example.com');
    await rejects(admin.api.users.create({ email: 'short@example.com', name: 'S', password: 'short', roles: [] }), 'BAD_REQUEST');
  });

  it('changes a password: the old one stops working and other sessions end', async () => {
    const first = new TestClient(world.deps);
    await first.api.auth.login({ email: 'rob@example.com', password: PASSWORD });
    const second = new TestClient(world.deps);
    await second.api.auth.login({ email: 'rob@example.com', password: PASSWORD });
    await rejects(first.api.auth.changePassword({ currentPassword: 'wrong wrong', newPassword: 'a brand new passphrase' }), 'FORBIDDEN');
    await first.api.auth.changePassword({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(await first.api.auth.me()).not.toBeNull();
    expect(await second.api.auth.me()).toBeNull();
    await rejects(world.anonymous().api.auth.login({ email: 'rob@example.com', password: PASSWORD }), 'UNAUTHORIZED');
    await world.anonymous().api.auth.login({ email: 'rob@example.com', password: 'a brand new passphrase' });
  });

  it('keeps an admin when two are demoted at the same moment', async () => {
    const admin = new TestClient(world.deps);
    await admin.api.auth.login({ email: 'admin@example.com', password: PASSWORD });
    const second = await admin.api.users.create({ email: 'second.admin@example.com', name: 'Second', password: PASSWORD, roles: ['admin'] });
    for (let round = 0; round < 3; round++) {
      // Each change alone leaves one admin; together they would leave none.
      const results = await Promise.allSettled([
        admin.api.users.setRoles({ userId: world.ids.admin, roles: ['designer'] }),
        admin.api.users.setDisabled({ userId: second.id, disabled: true }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'PRECONDITION_FAILED' });
      const admins = await database.db
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .select('users.email')
        .where('user_roles.role', '=', 'admin')
        .where('users.disabled_at', 'is', null)
        .execute();
      expect(admins).toHaveLength(1);
      // Put both back, through whichever admin is left.
      const left = new TestClient(world.deps);
      await left.api.auth.login({ email: admins[0]!.email, password: PASSWORD });
      await left.api.users.setRoles({ userId: world.ids.admin, roles: ['admin'] });
      await left.api.users.setDisabled({ userId: second.id, disabled: false });
      if (admins[0]!.email !== 'admin@example.com') await admin.api.auth.login({ email: 'admin@example.com', password: PASSWORD });
    }
  });
});
