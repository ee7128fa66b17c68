// Every procedure × every role: the access rule each procedure declares matches the table below,
// the table covers every procedure in the router (a new one fails until it is listed), and calls
// are refused (401/403) or let through exactly as declared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError, callTRPCProcedure, type AnyTRPCProcedure } from '@trpc/server';
import type { Role } from '../../shared/index.ts';
import { appRouter } from '../../server/trpc/app-router.ts';
import { createContext } from '../../server/trpc/context.ts';
import type { ProcedureMeta } from '../../server/trpc/trpc.ts';
import { dialects, makeWorld, people, type Person, type TestClient, type TestDatabase, type World } from './harness.ts';

type Access = 'public' | 'signed-in' | Role[];
const readers: Role[] = ['admin', 'designer', 'reviewer', 'analyst'];

/** The access table. Adding a procedure without adding it here fails the first test. */
const expected: Record<string, Access> = {
  'auth.login': 'public',
  'auth.me': 'public',
  'auth.logout': 'signed-in',
  'auth.changePassword': 'signed-in',
  'users.list': ['admin'],
  'users.create': ['admin'],
  'users.setRoles': ['admin'],
  'users.setDisabled': ['admin'],
  'users.setPassword': ['admin'],
  'flows.list': readers,
  'flows.get': readers,
  'flows.export': readers,
  'flows.diffDraft': readers,
  'flows.create': ['designer'],
  'flows.saveDraft': ['designer'],
  'flows.commit': ['designer'],
  'flows.import': ['designer'],
  'versions.list': readers,
  'versions.get': readers,
  'versions.diff': readers,
  'reviews.queue': readers,
  'reviews.get': readers,
  'reviews.request': ['designer'],
  'reviews.approve': ['reviewer'],
  'reviews.reject': ['reviewer'],
  'reviews.comment': ['designer', 'reviewer'],
  'replays.run': ['designer', 'reviewer', 'admin'],
  'replays.get': readers,
  'replays.list': readers,
  'replays.attached': readers,
  'replays.attach': ['designer'],
  'deployments.current': readers,
  'deployments.history': readers,
  'deployments.check': readers,
  'deployments.deploy': ['designer', 'admin'],
  'deployments.rollback': ['designer', 'admin'],
  'sites.list': ['admin'],
  'sites.create': ['admin'],
  'sites.createKey': ['admin'],
  'sites.revokeKey': ['admin'],
  'siteSettings.get': ['admin'],
  'siteSettings.update': ['admin'],
  'siteSettings.rotateSigningSecret': ['admin'],
  'siteSettings.setAction': ['admin'],
  'siteSettings.removeAction': ['admin'],
  'siteSettings.addWebhook': ['admin'],
  'siteSettings.removeWebhook': ['admin'],
  'siteSettings.deliveries': ['admin'],
  'inbox.list': ['agent'],
  'inbox.get': ['agent'],
  'inbox.claim': ['agent'],
  'inbox.reply': ['agent'],
  'inbox.typing': ['agent'],
  'inbox.resolve': ['agent'],
  'inbox.feed': ['agent'],
  'inbox.queues': ['agent'],
  'inbox.watch': ['agent'],
  'inbox.handBack': ['agent'],
  'inbox.label': ['agent'],
  'suggestions.list': ['designer', 'admin'],
  'suggestions.add': ['designer', 'admin'],
  'suggestions.dismiss': ['designer', 'admin'],
  'customers.export': ['admin'],
  'customers.delete': ['admin'],
  'audit.list': ['admin'],
  'audit.verify': ['admin'],
  'dashboard.figures': ['analyst', 'admin'],
  'dashboard.live': ['analyst', 'admin'],
  'dashboard.options': ['analyst', 'admin'],
  'knowledge.list': readers,
  'knowledge.get': readers,
  'knowledge.export': readers,
  'knowledge.search': readers,
  'knowledge.create': ['designer', 'admin'],
  'knowledge.saveDraft': ['designer', 'admin'],
  'knowledge.putArticle': ['designer', 'admin'],
  'knowledge.deleteArticle': ['designer', 'admin'],
  'knowledge.import': ['designer', 'admin'],
  'knowledge.commit': ['designer', 'admin'],
};

// At runtime `_def.procedures` is the flat record of every procedure by dotted path.
const flat: Record<string, unknown> = appRouter._def.procedures;
const isProcedure = (p: unknown): p is AnyTRPCProcedure => typeof p === 'function' && '_def' in p;
const procedures = Object.fromEntries(
  Object.entries(flat)
    .filter((entry): entry is [string, AnyTRPCProcedure] => isProcedure(entry[1]))
    .map(([path, p]) => [path, { type: p._def.type, meta: p._def.meta as ProcedureMeta | undefined }]),
);
const personas: Person[] = Object.keys(people) as Person[];

function accessOf(meta: ProcedureMeta | undefined): Access | undefined {
  if (!meta) return undefined;
  if (meta.access === 'roles') return [...meta.roles].sort();
  return meta.access;
}

function allowed(access: Access, person: Person | 'anonymous'): boolean {
  if (access === 'public') return true;
  if (person === 'anonymous') return false;
  if (access === 'signed-in') return true;
  return (people[person] as readonly Role[]).some((r) => access.includes(r));
}

async function call(client: TestClient, path: string): Promise<unknown> {
  const procedure = procedures[path]!;
  return callTRPCProcedure({
    router: appRouter,
    path,
    type: procedure.type,
    ctx: await createContext(client.deps, client.meta(), { set: () => {}, clear: () => {} }),
    getRawInput: async () => undefined,
    signal: undefined,
    batchIndex: 0,
  });
}

describe('the access table', () => {
  it('lists every procedure of the router, and only those', () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))('%s declares the expected access', (path) => {
    const want = expected[path]!;
    expect(accessOf(procedures[path]?.meta)).toEqual(Array.isArray(want) ? [...want].sort() : want);
  });
});

describe.each(dialects)('role × procedure matrix on $name', (dialect) => {
  let database: TestDatabase;
  let world: World;
  const clients = new Map<Person | 'anonymous', TestClient>();

  beforeAll(async () => {
    database = await dialect.open();
    world = await makeWorld(database);
    clients.set('anonymous', world.anonymous());
    for (const person of personas) clients.set(person, await world.as(person));
  });
  afterAll(async () => database.cleanup());

  // auth.logout last: it ends the session the other calls use.
  const paths = Object.keys(expected).sort((a, b) => Number(a === 'auth.logout') - Number(b === 'auth.logout'));

  it.each(paths)('%s lets in exactly the declared roles', async (path) => {
    const access = expected[path]!;
    for (const [who, client] of clients) {
      let code: string | undefined;
      try {
        await call(client, path);
      } catch (error) {
        if (!(error instanceof TRPCError)) throw error;
        code = error.code;
      }
      if (allowed(access, who)) {
        expect([who, code === 'UNAUTHORIZED' || code === 'FORBIDDEN' || code === 'INTERNAL_SERVER_ERROR'], `${who} → ${path}: ${code}`).toEqual([who, false]);
      } else {
        expect([who, code]).toEqual([who, who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN']);
      }
    }
  });
});
