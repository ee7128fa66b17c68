// Test harness for the studio server: a migrated database per dialect (a SQLite temp file, and a
// fresh PostgreSQL schema when TEST_DATABASE_URL is set), users per role, and signed-in callers
// that go through the real login, cookies and CSRF path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { JsonObject, Role } from '../../shared/index.ts';
import { systemActor } from '../../server/actor.ts';
import { createUser } from '../../server/accounts/users.ts';
import { CSRF_COOKIE, type CookieJar } from '../../server/auth/cookies.ts';
import type { RequestMeta } from '../../server/auth/request-guard.ts';
import type { Clock } from '../../server/clock.ts';
import { defaultConfig, type ServerConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import type { DialectName } from '../../server/db/dialect-name.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import type { FailureData } from '../../server/failure.ts';
import { appRouter } from '../../server/trpc/app-router.ts';
import { createContext, type AppDeps } from '../../server/trpc/context.ts';
import { FailureDetails } from '../../server/trpc/failure-error.ts';
import { createCallerFactory } from '../../server/trpc/trpc.ts';

export interface TestDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** A URL the CLI can open to reach the same data. */
  url: string;
  cleanup(): Promise<void>;
}

export interface DialectUnderTest {
  name: DialectName;
  open(): Promise<TestDatabase>;
}

const sqlite: DialectUnderTest = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-test-'));
    const url = join(dir, 'test.db');
    const { db, dialect, close } = openDatabase(url);
    await migrateToLatest(db, dialect);
    return {
      db,
      dialect,
      url,
      cleanup: async () => {
        await close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres = (baseUrl: string): DialectUnderTest => ({
  name: 'postgres',
  async open() {
    const schema = `sb_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create schema "${schema}"`);
    await admin.end();
    const { db, dialect, close } = openDatabase(baseUrl, { schema, poolSize: 4 });
    await migrateToLatest(db, dialect);
    const url = new URL(baseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      db,
      dialect,
      url: url.toString(),
      cleanup: async () => {
        await close();
        const dropper = new pg.Client({ connectionString: baseUrl });
        await dropper.connect();
        await dropper.query(`drop schema "${schema}" cascade`);
        await dropper.end();
      },
    };
  },
});

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. Use with describe.each. */
export const dialects: DialectUnderTest[] = [sqlite, ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : [])];

/** A clock tests can move. Starts at 2026-11-27T09:00Z. */
export function testClock(start = Date.UTC(2026, 10, 27, 9)): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

/** Production defaults with a cheap scrypt and nothing on disk to seed or serve. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...defaultConfig, scryptCost: 2 ** 10, flowsDir: '/nonexistent', editorDir: '/nonexistent', ...overrides };
}

export const PASSWORD = 'correct horse battery staple';

/** People in the fixtures, by nickname. `dora` designs and reviews; `nobody` has no role. */
export const people = {
  admin: ['admin'],
  dana: ['designer'],
  dave: ['designer'],
  rita: ['reviewer'],
  rob: ['reviewer'],
  dora: ['designer', 'reviewer'],
  alex: ['agent'],
  ann: ['analyst'],
  nobody: [],
} as const satisfies Record<string, readonly Role[]>;
export type Person = keyof typeof people;

const callerFactory = createCallerFactory(appRouter);
export type Api = ReturnType<typeof callerFactory>;

/** A browser-like client: a cookie jar, the CSRF header echoed from its cookie, a fresh context per call. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  readonly api: Api;
  csrfOverride: string | undefined | null = null;
  origin: string | undefined = undefined;

  constructor(
    readonly deps: AppDeps,
    readonly ip = '203.0.113.7',
  ) {
    this.api = callerFactory(() => createContext(deps, this.meta(), this.jar()));
  }

  meta(): RequestMeta {
    return {
      ip: this.ip,
      host: 'studio.test',
      origin: this.origin,
      csrfHeader: this.csrfOverride === null ? (this.cookies.get(CSRF_COOKIE) ?? 'anonymous') : this.csrfOverride,
      cookies: Object.fromEntries(this.cookies),
    };
  }

  private jar(): CookieJar {
    return {
      set: (name, value) => void this.cookies.set(name, value),
      clear: (name) => void this.cookies.delete(name),
    };
  }
}

export interface World {
  deps: AppDeps;
  clock: ReturnType<typeof testClock>;
  ids: Record<Person, string>;
  /** A signed-in client for a person (signed in once per world). */
  as(person: Person): Promise<TestClient>;
  anonymous(): TestClient;
}

/** Users for every fixture person in a migrated database; clients sign in through auth.login. */
export async function makeWorld(database: TestDatabase, config: Partial<ServerConfig> = {}): Promise<World> {
  const clock = testClock();
  const deps: AppDeps = { db: database.db, dialect: database.dialect, config: testConfig(config), clock };
  const ids = {} as Record<Person, string>;
  for (const [name, roles] of Object.entries(people) as Array<[Person, readonly Role[]]>) {
    const created = await createUser(database.db, {
      email: `${name}@example.com`,
      name: name[0]!.toUpperCase() + name.slice(1),
      password: PASSWORD,
      roles: [...roles],
      actor: systemActor,
      now: clock.now(),
      scryptCost: deps.config.scryptCost,
    });
    if (!created.ok) throw new Error(created.failure.message);
    ids[name] = created.value.id;
  }
  const clients = new Map<Person, TestClient>();
  return {
    deps,
    clock,
    ids,
    anonymous: () => new TestClient(deps),
    async as(person) {
      const existing = clients.get(person);
      if (existing) return existing;
      const client = new TestClient(deps);
      await client.api.auth.login({ email: `${person}@example.com`, password: PASSWORD });
      clients.set(person, client);
      return client;
    },
  };
}

/** Awaits a rejection and checks its tRPC code; returns the error and its failure details. */
export async function rejects(promise: Promise<unknown>, code: TRPCError['code']): Promise<{ error: TRPCError; data: FailureData }> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(TRPCError);
  const error = caught as TRPCError;
  expect(error.code, error.message).toBe(code);
  return { error, data: error.cause instanceof FailureDetails ? error.cause.data : {} };
}

/** A small valid flow: start → intent router → message/handoff, one escalation rule. */
export function sampleFlow(id: string, o: { threshold?: number; greeting?: string; ruleQueue?: string; handoffQueue?: string } = {}): JsonObject {
  return {
    schemaVersion: 1,
    id,
    name: `Sample ${id}`,
    locale: 'en',
    settings: { confidenceThreshold: o.threshold ?? 0.55 },
    intents: [
      { name: 'card_lost', examples: ['I lost my card', 'my card was stolen'] },
      { name: 'balance', examples: ['what is my balance', 'how much money do I have'] },
    ],
    escalation: {
      rules: [
        {
          id: 'lost-card',
          name: 'Lost or stolen card',
          when: { '==': [{ var: 'nlu.intent' }, 'card_lost'] },
          priority: 'urgent',
          queue: o.ruleQueue ?? 'fraud',
          reason: 'card_security',
        },
      ],
    },
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'hello', type: 'message', position: { x: 0, y: 100 }, data: { text: o.greeting ?? 'Hi! How can I help?' } },
      { id: 'route', type: 'intent', position: { x: 0, y: 200 }, data: { intents: ['card_lost', 'balance'] } },
      { id: 'balance', type: 'message', position: { x: -200, y: 300 }, data: { text: 'Your balance is in the app.' } },
      { id: 'done', type: 'end', position: { x: -200, y: 400 }, data: {} },
      { id: 'human', type: 'handoff', position: { x: 200, y: 300 }, data: { queue: o.handoffQueue ?? 'cards', reason: 'card_help' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'hello' },
      { id: 'e2', source: 'hello', target: 'route' },
      { id: 'e3', source: 'route', sourceHandle: 'balance', target: 'balance' },
      { id: 'e4', source: 'balance', target: 'done' },
      { id: 'e5', source: 'route', sourceHandle: 'card_lost', target: 'human' },
      { id: 'e6', source: 'route', sourceHandle: 'low_confidence', target: 'human' },
    ],
  };
}

/** Starts `app` on a free port of 127.0.0.1; its base URL. */
export async function listenOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}
