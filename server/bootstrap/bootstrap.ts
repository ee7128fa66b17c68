// First start: on an empty database create the admin, seed flows/ and the demo site with its key.
// Later starts only make sure a configured DEMO_SITE_KEY exists. Secrets are returned to the
// caller to print once; they are never logged.
import type { Kysely } from 'kysely';
import { roles } from '../../shared/index.ts';
import { systemActor } from '../actor.ts';
import { createUser } from '../accounts/users.ts';
import type { Clock } from '../clock.ts';
import type { ServerConfig } from '../config.ts';
import { randomToken, sha256Hex } from '../crypto/digest.ts';
import type { Database } from '../db/database.ts';
import { createSite, createSiteKey, generateSiteKey } from '../sites/site-keys.ts';
import { seedFlows, type SeedReport } from './seed-flows.ts';
import { seedMissingKnowledgeBases } from './seed-knowledge.ts';

export const DEMO_SITE_ID = 'demo';

export interface BootstrapReport {
  /** Set when the admin was created now; `password` only when it was generated. */
  admin: { email: string; generatedPassword: string | null } | null;
  seed: SeedReport | null;
  /** Set when a demo key was created now; `secret` only when it was generated. */
  demoKey: { generatedSecret: string | null } | null;
}

export async function bootstrap(db: Kysely<Database>, o: { config: ServerConfig; clock: Clock }): Promise<BootstrapReport> {
  const report: BootstrapReport = { admin: null, seed: null, demoKey: null };
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const now = o.clock.now();
  if (!anyUser) {
    // The admin comes last: a start that dies half-way finds no user next time and bootstraps again.
    report.seed = await seedFlows(db, { dir: o.config.flowsDir, now });
    const site = await createSite(db, { id: DEMO_SITE_ID, name: 'Demo site', actor: systemActor, now });
    if (!site.ok && site.failure.code !== 'CONFLICT') throw new Error(`Could not create the demo site: ${site.failure.message}`);
    const generatedPassword = o.config.adminPassword === null ? randomToken(15) : null;
    const admin = await createUser(db, {
      email: o.config.adminEmail,
      name: 'Administrator',
      password: o.config.adminPassword ?? generatedPassword!,
      roles: [...roles],
      actor: systemActor,
      now,
      scryptCost: o.config.scryptCost,
    });
    if (!admin.ok) throw new Error(`Could not create the admin: ${admin.failure.message}`);
    report.admin = { email: admin.value.email, generatedPassword };
  }
  else {
    // A database from before stored knowledge bases: bring in the example ones its flows name.
    const knowledge = await seedMissingKnowledgeBases(db, { flowsDir: o.config.flowsDir, now });
    if (knowledge.seeded.length || knowledge.skipped.length) report.seed = { seeded: [], skipped: [], knowledge };
  }
  const configured = o.config.demoSiteKey;
  const wanted = configured ? !(await keyExists(db, configured)) : !anyUser && !(await hasKey(db));
  const site = await db.selectFrom('sites').select('id').where('id', '=', DEMO_SITE_ID).executeTakeFirst();
  if (site && wanted) {
    const secret = configured ?? generateSiteKey('production');
    const key = await createSiteKey(db, { siteId: DEMO_SITE_ID, environment: 'production', label: 'Demo site key', secret, actor: systemActor, now });
    if (key.ok) report.demoKey = { generatedSecret: configured ? null : secret };
  }
  return report;
}

/** True when the demo site has any key already. */
async function hasKey(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('site_keys').select('id').where('site_id', '=', DEMO_SITE_ID).limit(1).executeTakeFirst()) !== undefined;
}

/** True when the key exists at all (revoked keys are not resurrected from the environment). */
async function keyExists(db: Kysely<Database>, secret: string): Promise<boolean> {
  return (await db.selectFrom('site_keys').select('id').where('key_hash', '=', sha256Hex(secret)).executeTakeFirst()) !== undefined;
}
