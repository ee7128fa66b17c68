// Sites and their API keys. A key is a random secret shown once; the database keeps its SHA-256
// (keys carry 192 bits of entropy, so a fast hash is enough) and a short prefix to recognise it.
import type { Kysely } from 'kysely';
import type { Environment, Site, SiteKey } from '../../shared/index.ts';
import { loadActors, type ActorLookup } from '../accounts/actors.ts';
import type { ActorRef } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { newId, randomToken, sha256Hex } from '../crypto/digest.ts';
import type { Database, SiteKeysTable } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { siteAccessChanged } from './site-access-changes.ts';

/** A new secret: `sb_live_…` for production, `sb_test_…` for staging. */
export function generateSiteKey(environment: Environment): string {
  return `sb_${environment === 'production' ? 'live' : 'test'}_${randomToken(24)}`;
}

const prefixOf = (secret: string) => `${secret.slice(0, 12)}…`;

function toSiteKey(row: Omit<SiteKeysTable, 'key_hash'>, actors: ActorLookup): SiteKey {
  return {
    id: row.id,
    siteId: row.site_id,
    environment: row.environment,
    prefix: row.prefix,
    label: row.label,
    createdBy: actors(row.created_by),
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export async function listSites(db: Kysely<Database>): Promise<Site[]> {
  const sites = await db.selectFrom('sites').selectAll().orderBy('id').execute();
  const keys = await db
    .selectFrom('site_keys')
    .select(['id', 'site_id', 'environment', 'prefix', 'label', 'created_by', 'created_at', 'revoked_at', 'revoked_by'])
    .orderBy('created_at')
    .execute();
  const actors = await loadActors(db, keys.map((k) => k.created_by));
  return sites.map((s) => ({
    id: s.id,
    name: s.name,
    createdAt: s.created_at,
    keys: keys.filter((k) => k.site_id === s.id).map((k) => toSiteKey(k, actors)),
  }));
}

export async function createSite(db: Kysely<Database>, o: { id: string; name: string; actor: ActorRef; now: Date }): Promise<Result<{ id: string }>> {
  const created = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('sites')
      .values({ id: o.id, name: o.name, created_at: o.now.toISOString(), created_by: o.actor.id })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await appendAudit(trx, { actor: o.actor, action: 'site.create', targetType: 'site', targetId: o.id, details: { name: o.name }, at: o.now });
    return true;
  });
  return created ? ok({ id: o.id }) : fail('CONFLICT', `A site "${o.id}" already exists.`);
}

export interface CreateKeyOptions {
  siteId: string;
  environment: Environment;
  label: string;
  actor: ActorRef;
  now: Date;
  /** Use this secret instead of generating one (the DEMO_SITE_KEY). */
  secret?: string;
}

/** Creates a key and returns its secret, the only time it is visible. */
export async function createSiteKey(db: Kysely<Database>, o: CreateKeyOptions): Promise<Result<{ key: SiteKey; secret: string }>> {
  const site = await db.selectFrom('sites').select('id').where('id', '=', o.siteId).executeTakeFirst();
  if (!site) return fail('NOT_FOUND', `There is no site "${o.siteId}".`);
  const secret = o.secret ?? generateSiteKey(o.environment);
  const row = {
    id: newId('key'),
    site_id: o.siteId,
    environment: o.environment,
    key_hash: sha256Hex(secret),
    prefix: prefixOf(secret),
    label: o.label,
    created_by: o.actor.id,
    created_at: o.now.toISOString(),
    revoked_at: null,
    revoked_by: null,
  };
  const created = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('site_keys')
      .values(row)
      .onConflict((oc) => oc.column('key_hash').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false;
    await appendAudit(trx, {
      actor: o.actor,
      action: 'site_key.create',
      targetType: 'site_key',
      targetId: row.id,
      details: { siteId: o.siteId, environment: o.environment, prefix: row.prefix },
      at: o.now,
    });
    return true;
  });
  if (!created) return fail('CONFLICT', 'That key already exists.');
  const actors = await loadActors(db, [o.actor.id]);
  return ok({ key: toSiteKey(row, actors), secret });
}

export async function revokeSiteKey(db: Kysely<Database>, o: { keyId: string; actor: ActorRef; now: Date }): Promise<Result<{ revokedAt: string }>> {
  const key = await db.selectFrom('site_keys').select(['id', 'site_id', 'revoked_at', 'prefix']).where('id', '=', o.keyId).executeTakeFirst();
  if (!key) return fail('NOT_FOUND', 'There is no such key.');
  if (key.revoked_at !== null) return fail('CONFLICT', `This key was already revoked at ${key.revoked_at}.`);
  const at = o.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('site_keys').set({ revoked_at: at, revoked_by: o.actor.id }).where('id', '=', o.keyId).execute();
    await appendAudit(trx, {
      actor: o.actor,
      action: 'site_key.revoke',
      targetType: 'site_key',
      targetId: o.keyId,
      details: { siteId: key.site_id, prefix: key.prefix },
      at: o.now,
    });
  });
  siteAccessChanged();
  return ok({ revokedAt: at });
}

/** The site and environment an API key belongs to, or null when unknown or revoked. For the site API. */
export async function verifySiteKey(db: Kysely<Database>, secret: string): Promise<{ keyId: string; siteId: string; environment: Environment } | null> {
  if (!secret || secret.length > 200) return null;
  const key = await db
    .selectFrom('site_keys')
    .select(['id', 'site_id', 'environment', 'revoked_at'])
    .where('key_hash', '=', sha256Hex(secret))
    .executeTakeFirst();
  if (!key || key.revoked_at !== null) return null;
  return { keyId: key.id, siteId: key.site_id, environment: key.environment };
}
