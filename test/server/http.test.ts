// The real HTTP surface: the app on a random port, sign-in with cookies, CSRF on mutations,
// error shapes and statuses at the edge (never a 500), /healthz and the home page; and the
// `npm start` path (migrate, bootstrap, seed, print secrets once).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../server/app.ts';
import { startServer } from '../../server/main.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { verifySiteKey } from '../../server/sites/site-keys.ts';
import { dialects, listenOnLoopback, makeWorld, PASSWORD, sampleFlow, testConfig, type TestDatabase } from './harness.ts';

/** A minimal cookie-keeping HTTP client for tRPC's JSON protocol. */
class HttpClient {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const v = value.join('=');
      if (/expires=Thu, 01 Jan 1970/i.test(line) || v === '') this.cookies.delete(name!);
      else this.cookies.set(name!, v);
    }
  }

  async query(path: string, input?: unknown) {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await fetch(`${this.base}/trpc/${path}${qs}`, { headers: { cookie: this.cookieHeader() } });
    this.keep(res);
    return { status: res.status, body: (await res.json()) as { result?: { data: unknown }; error?: { message: string; data: Record<string, unknown> } } };
  }

  async mutate(path: string, input: unknown, o: { csrf?: string | null; origin?: string } = {}) {
    const headers: Record<string, string> = { 'content-type': 'application/json', cookie: this.cookieHeader() };
    const csrf = o.csrf === undefined ? this.cookies.get('sb_csrf') ?? 'login' : o.csrf;
    if (csrf !== null) headers['x-switchboard-csrf'] = csrf;
    if (o.origin) headers.origin = o.origin;
    const res = await fetch(`${this.base}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) });
    this.keep(res);
    return { status: res.status, headers: res.headers, body: (await res.json()) as { result?: { data: unknown }; error?: { message: string; data: Record<string, unknown> } } };
  }
}

describe.each(dialects)('HTTP on $name', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    database = await dialect.open();
    const world = await makeWorld(database, { login: { maxFailuresPerAccount: 2, maxFailuresPerIp: 50, windowMs: 60_000 } });
    app = await createApp({ db: database.db, dialect: database.dialect, config: world.deps.config });
    base = await listenOnLoopback(app);
  });
  afterAll(async () => {
    await app.close();
    await database.cleanup();
  });

  it('answers /healthz and serves the status page at /', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: dialect.name });
    const home = await fetch(`${base}/`);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(await home.text()).toMatch(/Switchboard/);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it('signs in with cookies and CSRF, then calls queries and mutations', async () => {
    const client = new HttpClient(base);
    const login = await client.mutate('auth.login', { email: 'dana@example.com', password: PASSWORD });
    expect(login.status).toBe(200);
    const setCookies = login.headers.getSetCookie();
    expect(setCookies.find((c) => c.startsWith('sb_session='))).toMatch(/HttpOnly/i);
    expect(setCookies.find((c) => c.startsWith('sb_session='))).toMatch(/SameSite=Lax/i);
    expect(setCookies.find((c) => c.startsWith('sb_csrf='))).not.toMatch(/HttpOnly/i);

    const me = await client.query('auth.me');
    expect(me.body.result?.data).toMatchObject({ email: 'dana@example.com', roles: ['designer'] });

    const noCsrf = await client.mutate('flows.import', { document: sampleFlow('web') }, { csrf: null });
    expect(noCsrf.status).toBe(403);
    const foreign = await client.mutate('flows.import', { document: sampleFlow('web') }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const sameOrigin = await client.mutate('flows.import', { document: sampleFlow('web') }, { origin: base });
    expect(sameOrigin.status).toBe(200);

    const flows = await client.query('flows.list');
    expect((flows.body.result?.data as Array<{ id: string }>).map((f) => f.id)).toContain('web');
    expect((await client.query('users.list')).status).toBe(403);

    await client.mutate('auth.logout', {});
    expect((await client.query('flows.list')).status).toBe(401);
  });

  it('maps expected failures to 400/404/409/412/429 with data, never 500', async () => {
    const client = new HttpClient(base);
    await client.mutate('auth.login', { email: 'dave@example.com', password: PASSWORD });
    const broken = sampleFlow('broken-web');
    (broken.edges as Array<Record<string, unknown>>)[0]!.target = 'ghost';
    await client.mutate('flows.import', { document: broken });
    const commit = await client.mutate('flows.commit', { flowId: 'broken-web', baseRevision: 1, message: 'x' });
    expect(commit.status).toBe(400);
    expect(commit.body.error?.data.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'dangling_edge', path: 'edges[0].target' })]));

    const stale = await client.mutate('flows.saveDraft', { flowId: 'broken-web', baseRevision: 7, document: broken });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.data.conflict).toMatchObject({ revision: 1, savedBy: { email: 'dave@example.com' } });

    expect((await client.query('versions.get', { versionId: 'ver_nope' })).status).toBe(404);
    expect((await client.query('flows.get', { flowId: 'nope' })).status).toBe(404);
    const badInput = await client.query('versions.list', { flowId: 'x', limit: -1 });
    expect(badInput.status).toBe(400);
    expect(badInput.body.error?.data.issues).toEqual([expect.objectContaining({ path: 'limit' })]);
    expect((await client.query('flows.nonexistent')).status).toBe(404);
    const rollback = await client.mutate('deployments.rollback', { flowId: 'broken-web', environment: 'production' });
    expect(rollback.status).toBe(412);

    const garbled = await fetch(`${base}/trpc/flows.import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-switchboard-csrf': client.cookies.get('sb_csrf')!, cookie: `sb_session=${client.cookies.get('sb_session')}; sb_csrf=${client.cookies.get('sb_csrf')}` },
      body: '{"document": ',
    });
    expect(garbled.status).toBe(400);
    const huge = await fetch(`${base}/trpc/flows.import`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-switchboard-csrf': 'x' }, body: `{"pad":"${'x'.repeat(11 * 1024 * 1024)}"}` });
    expect(huge.status).toBe(413);

    const attacker = new HttpClient(base);
    for (let i = 0; i < 2; i++) expect((await attacker.mutate('auth.login', { email: 'admin@example.com', password: 'guess guess' })).status).toBe(401);
    const limited = await attacker.mutate('auth.login', { email: 'admin@example.com', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the built editor', () => {
  it('is served at / with client-side routes falling back to index.html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-editor-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Editor</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    const database = await dialects[0]!.open();
    const app = await createApp({ db: database.db, dialect: database.dialect, config: testConfig({ editorDir: dir }) });
    try {
      expect((await app.inject({ url: '/' })).body).toMatch(/<title>Editor/);
      expect((await app.inject({ url: '/flows/returns/versions' })).body).toMatch(/<title>Editor/);
      expect((await app.inject({ url: '/app.js' })).body).toBe('console.log(1)');
      expect((await app.inject({ url: '/api/v1/nope' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/trpc/auth.me' })).json()).toEqual({ result: { data: null } });
    } finally {
      await app.close();
      await database.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm start (startServer) on a fresh SQLite database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-start-'));
  const flowsDir = join(dir, 'flows');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, creates the admin, seeds flows as approved production versions, and prints secrets once', async () => {
    rmSync(flowsDir, { recursive: true, force: true });
    mkdirSync(flowsDir);
    copyFileSync(fileURLToPath(new URL('../../flows/returns.json', import.meta.url)), join(flowsDir, 'returns.json'));
    writeFileSync(join(flowsDir, 'broken.json'), '{"schemaVersion": 1, "id": "broken"}');
    const config = testConfig({ databaseUrl: join(dir, 'data', 'switchboard.db'), flowsDir, port: 0, host: '127.0.0.1', adminEmail: 'owner@example.com' });

    let printed = '';
    const server = await startServer(config, { print: (t) => void (printed += t) });
    try {
      expect(printed).toMatch(/owner@example\.com/);
      const password = /password: (\S+)/.exec(printed)?.[1];
      const demoKey = /Demo site key \(site "demo", production\): (\S+)/.exec(printed)?.[1];
      expect(password).toBeTruthy();
      expect(printed).toMatch(/Seeded returns\.json/);
      expect(printed).toMatch(/Skipped broken\.json/);

      const client = new HttpClient(server.url);
      expect((await client.mutate('auth.login', { email: 'owner@example.com', password })).status).toBe(200);
      const flows = (await client.query('flows.list')).body.result?.data as Array<{ id: string; deployments: { production: { number: number } | null } }>;
      expect(flows.map((f) => [f.id, f.deployments.production?.number])).toEqual([['returns', 1]]);
      const versions = (await client.query('versions.list', { flowId: 'returns' })).body.result?.data as Array<{ approved: boolean; author: unknown }>;
      expect(versions).toMatchObject([{ approved: true, author: null }]);
      const audit = (await client.query('audit.list', { limit: 100 })).body.result?.data as Array<{ action: string; actor: string }>;
      expect(audit.filter((e) => e.actor === 'system').map((e) => e.action)).toEqual(
        expect.arrayContaining(['user.create', 'flow.create', 'version.commit', 'review.approve', 'deployment.deploy', 'site.create', 'site_key.create']),
      );
      expect((await client.query('audit.verify')).body.result?.data).toMatchObject({ ok: true });

      const { db, close } = openDatabase(config.databaseUrl);
      expect(await verifySiteKey(db, demoKey!)).toMatchObject({ siteId: 'demo', environment: 'production' });
      await close();
    } finally {
      await server.close();
    }

    // Second start: nothing is created or printed again; a configured DEMO_SITE_KEY is registered.
    let second = '';
    const again = await startServer({ ...config, demoSiteKey: 'sb_live_configured_demo_key_123' }, { print: (t) => void (second += t) });
    await again.close();
    expect(second).not.toMatch(/password|Seeded/);
    expect(second).toMatch(/Registered DEMO_SITE_KEY/);
  });
});
