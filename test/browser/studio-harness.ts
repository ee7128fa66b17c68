// Starts the real studio server in-process for browser tests: a temporary SQLite database, the
// example flows seeded, the built editor served, and one account per role the tests play.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { JsonObject, Role } from '../../shared/index.ts';
import { defaultConfig, type ServerConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { createUser } from '../../server/accounts/users.ts';
import { systemActor } from '../../server/actor.ts';
import { importFlow } from '../../server/flows/drafts.ts';

export interface Account {
  email: string;
  password: string;
  name: string;
  roles: Role[];
}

export interface Studio {
  url: string;
  accounts: { admin: Account; designer: Account; reviewer: Account };
  /** The studio's SQLite file, for tests that store data directly (the dashboard's data set). */
  databaseUrl: string;
  /** Ends every session of the account on the server (as expiry or a revocation would); returns how many. */
  endSessions(email: string): Promise<number>;
  close(): Promise<void>;
}

const PASSWORD = 'correct horse battery staple';
/** Low scrypt cost: sign-in in tests should take milliseconds, not 0.3 s. */
const TEST_SCRYPT_COST = 2 ** 10;

/** Starts the studio; `flows` are imported as extra drafts (e.g. a 500-node flow for the benchmark). */
export async function startStudio(o: { flows?: JsonObject[] } = {}): Promise<Studio> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-browser-'));
  const config: ServerConfig = {
    ...defaultConfig,
    port: 0,
    host: '127.0.0.1',
    databaseUrl: join(dir, 'studio.db'),
    adminEmail: 'admin@example.com',
    adminPassword: PASSWORD,
    demoSiteKey: 'sb_test_demo_key_0123456789abcdef',
    flowsDir: resolve('flows'),
    editorDir: resolve('dist/editor'),
    scryptCost: TEST_SCRYPT_COST,
    login: { ...defaultConfig.login, maxFailuresPerAccount: 1000, maxFailuresPerIp: 1000 },
  };
  const server = await startServer(config, { print: () => undefined });
  const accounts = {
    admin: { email: 'admin@example.com', password: PASSWORD, name: 'Administrator', roles: ['admin', 'designer', 'reviewer', 'agent', 'analyst'] as Role[] },
    designer: { email: 'dana@example.com', password: PASSWORD, name: 'Dana Designer', roles: ['designer', 'reviewer'] as Role[] },
    reviewer: { email: 'rui@example.com', password: PASSWORD, name: 'Rui Reviewer', roles: ['reviewer'] as Role[] },
  };
  const { db, close } = openDatabase(config.databaseUrl);
  try {
    for (const a of [accounts.designer, accounts.reviewer]) {
      const created = await createUser(db, { email: a.email, name: a.name, password: a.password, roles: a.roles, actor: systemActor, now: new Date(), scryptCost: TEST_SCRYPT_COST });
      if (!created.ok) throw new Error(created.failure.message);
    }
    for (const document of o.flows ?? []) {
      const imported = await importFlow(db, { document, actor: systemActor, now: new Date() });
      if (!imported.ok) throw new Error(imported.failure.message);
    }
  } finally {
    await close();
  }
  return {
    url: server.url,
    accounts,
    databaseUrl: config.databaseUrl,
    endSessions: async (email) => {
      const { db: conn, close: closeConn } = openDatabase(config.databaseUrl);
      try {
        const user = await conn.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
        const deleted = await conn.deleteFrom('sessions').where('user_id', '=', user.id).executeTakeFirst();
        return Number(deleted.numDeletedRows);
      } finally {
        await closeConn();
      }
    },
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
