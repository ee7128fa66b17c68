// Per-site runtime settings an admin manages (`siteSettings.*`): allowed browser origins, the
// secret that signs customer data, action URLs and event webhooks. Secrets Switchboard generates
// are returned once; they are stored as they are, because signing needs the key itself. Every
// change is audited.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { webhookEvents, type SiteSettingsView, type WebhookDeliveryView, type WebhookEvent } from '../../shared/api/site-settings.ts';
import type { ActorRef } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { newId, randomToken } from '../crypto/digest.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { siteAccessChanged } from '../sites/site-access-changes.ts';

const originsJson = z.array(z.string());
const eventsJson = z.array(z.enum(webhookEvents));
/** Stored JSON lists, parsed again on the way out. */
const origins = (text: string) => originsJson.parse(JSON.parse(text));
export const eventsOf = (text: string) => eventsJson.parse(JSON.parse(text));

interface Acting {
  actor: ActorRef;
  now: Date;
}

/** What the site API checks on every request. A site without a settings row allows any origin and signs nothing. */
export interface SiteAccess {
  allowedOrigins: string[];
  signingSecret: string | null;
}

export async function siteAccess(db: Kysely<Database>, siteId: string): Promise<SiteAccess> {
  const row = await db.selectFrom('site_settings').select(['allowed_origins', 'signing_secret']).where('site_id', '=', siteId).executeTakeFirst();
  return row ? { allowedOrigins: origins(row.allowed_origins), signingSecret: row.signing_secret } : { allowedOrigins: [], signingSecret: null };
}

const secretPrefix = (secret: string) => `${secret.slice(0, 10)}…`;

async function siteExists(db: Kysely<Database>, siteId: string): Promise<boolean> {
  return (await db.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst()) !== undefined;
}

const noSite = (siteId: string) => fail('NOT_FOUND', `There is no site "${siteId}".`);

export async function getSiteSettings(db: Kysely<Database>, siteId: string): Promise<Result<SiteSettingsView>> {
  if (!(await siteExists(db, siteId))) return noSite(siteId);
  const access = await db.selectFrom('site_settings').select(['allowed_origins', 'signing_secret', 'retention_days']).where('site_id', '=', siteId).executeTakeFirst();
  const actions = await db.selectFrom('site_actions').selectAll().where('site_id', '=', siteId).orderBy('action').execute();
  const hooks = await db.selectFrom('site_webhooks').selectAll().where('site_id', '=', siteId).where('removed_at', 'is', null).orderBy('created_at').execute();
  return ok({
    siteId,
    allowedOrigins: access ? origins(access.allowed_origins) : [],
    retentionDays: access?.retention_days === null || access?.retention_days === undefined ? null : Number(access.retention_days),
    signing: { configured: Boolean(access?.signing_secret), prefix: access?.signing_secret ? secretPrefix(access.signing_secret) : null },
    actions: actions.map((a) => ({ action: a.action, url: a.url, secretPrefix: secretPrefix(a.secret), updatedAt: a.updated_at })),
    webhooks: hooks.map((h) => ({ id: h.id, url: h.url, events: eventsOf(h.events), secretPrefix: secretPrefix(h.secret), createdAt: h.created_at })),
  });
}

async function upsertSettings(
  db: Kysely<Database>,
  siteId: string,
  set: { allowed_origins?: string; signing_secret?: string | null; retention_days?: number | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('site_settings')
    .values({ site_id: siteId, allowed_origins: set.allowed_origins ?? '[]', signing_secret: set.signing_secret ?? null, retention_days: set.retention_days ?? null, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('site_id').doUpdateSet({ ...set, updated_at: now.toISOString() }))
    .execute();
}

export async function updateSiteSettings(
  db: Kysely<Database>,
  o: Acting & { siteId: string; allowedOrigins?: string[] | undefined; retentionDays?: number | null | undefined },
): Promise<Result<SiteSettingsView>> {
  if (!(await siteExists(db, o.siteId))) return noSite(o.siteId);
  await db.transaction().execute(async (trx) => {
    if (o.allowedOrigins !== undefined) await upsertSettings(trx, o.siteId, { allowed_origins: JSON.stringify([...new Set(o.allowedOrigins)]) }, o.now);
    if (o.retentionDays !== undefined) await upsertSettings(trx, o.siteId, { retention_days: o.retentionDays }, o.now);
    await appendAudit(trx, {
      actor: o.actor,
      action: 'site.settings',
      targetType: 'site',
      targetId: o.siteId,
      details: { allowedOrigins: o.allowedOrigins ?? null, retentionDays: o.retentionDays ?? null },
      at: o.now,
    });
  });
  siteAccessChanged();
  return getSiteSettings(db, o.siteId);
}

/** A new signing secret for customer data; tokens signed with the old one stop verifying at once. */
export async function rotateSigningSecret(db: Kysely<Database>, o: Acting & { siteId: string }): Promise<Result<{ secret: string }>> {
  if (!(await siteExists(db, o.siteId))) return noSite(o.siteId);
  const secret = `sbsign_${randomToken(24)}`;
  await db.transaction().execute(async (trx) => {
    await upsertSettings(trx, o.siteId, { signing_secret: secret }, o.now);
    await appendAudit(trx, { actor: o.actor, action: 'site.signing_secret.rotate', targetType: 'site', targetId: o.siteId, details: { prefix: secretPrefix(secret) }, at: o.now });
  });
  siteAccessChanged();
  return ok({ secret });
}

/** Sets the URL of an action name (replacing an earlier one); returns the secret calls are signed with. */
export async function setSiteAction(db: Kysely<Database>, o: Acting & { siteId: string; action: string; url: string; secret?: string | undefined }): Promise<Result<{ action: string; secret: string }>> {
  if (!(await siteExists(db, o.siteId))) return noSite(o.siteId);
  const secret = o.secret ?? `sbact_${randomToken(24)}`;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('site_actions')
      .values({ site_id: o.siteId, action: o.action, url: o.url, secret, updated_at: o.now.toISOString() })
      .onConflict((oc) => oc.columns(['site_id', 'action']).doUpdateSet({ url: o.url, secret, updated_at: o.now.toISOString() }))
      .execute();
    await appendAudit(trx, { actor: o.actor, action: 'site.action.set', targetType: 'site', targetId: o.siteId, details: { action: o.action, url: o.url }, at: o.now });
  });
  return ok({ action: o.action, secret });
}

export async function removeSiteAction(db: Kysely<Database>, o: Acting & { siteId: string; action: string }): Promise<Result<{ removed: true }>> {
  const removed = await db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('site_actions').where('site_id', '=', o.siteId).where('action', '=', o.action).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) return false;
    await appendAudit(trx, { actor: o.actor, action: 'site.action.remove', targetType: 'site', targetId: o.siteId, details: { action: o.action }, at: o.now });
    return true;
  });
  return removed ? ok({ removed: true }) : fail('NOT_FOUND', `Site "${o.siteId}" has no action "${o.action}".`);
}

export async function addWebhook(
  db: Kysely<Database>,
  o: Acting & { siteId: string; url: string; events?: WebhookEvent[] | undefined; secret?: string | undefined },
): Promise<Result<{ id: string; secret: string }>> {
  if (!(await siteExists(db, o.siteId))) return noSite(o.siteId);
  const id = newId('whk');
  const secret = o.secret ?? `whsec_${randomToken(24)}`;
  const events = [...new Set(o.events ?? webhookEvents)];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('site_webhooks')
      .values({ id, site_id: o.siteId, url: o.url, secret, events: JSON.stringify(events), created_at: o.now.toISOString(), removed_at: null })
      .execute();
    await appendAudit(trx, { actor: o.actor, action: 'site.webhook.add', targetType: 'webhook', targetId: id, details: { siteId: o.siteId, url: o.url, events }, at: o.now });
  });
  return ok({ id, secret });
}

/** Stops a webhook: nothing new is queued for it, and pending deliveries fail on their next attempt. */
export async function removeWebhook(db: Kysely<Database>, o: Acting & { webhookId: string }): Promise<Result<{ removedAt: string }>> {
  const at = o.now.toISOString();
  const removed = await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('site_webhooks').set({ removed_at: at }).where('id', '=', o.webhookId).where('removed_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await appendAudit(trx, { actor: o.actor, action: 'site.webhook.remove', targetType: 'webhook', targetId: o.webhookId, details: {}, at: o.now });
    return true;
  });
  return removed ? ok({ removedAt: at }) : fail('NOT_FOUND', 'There is no such webhook (or it was already removed).');
}

/** The newest deliveries of a site's webhooks with every attempt. */
export async function listDeliveries(db: Kysely<Database>, o: { siteId: string; limit: number }): Promise<Result<WebhookDeliveryView[]>> {
  if (!(await siteExists(db, o.siteId))) return noSite(o.siteId);
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('site_webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.webhook_id', 'w.url', 'd.event', 'd.status', 'd.next_attempt_at', 'd.created_at'])
    .where('d.site_id', '=', o.siteId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .limit(o.limit)
    .execute();
  const attempts = rows.length
    ? await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', rows.map((r) => r.id)).orderBy('attempt').execute()
    : [];
  return ok(
    rows.map((r) => ({
      id: r.id,
      webhookId: r.webhook_id,
      url: r.url,
      event: r.event,
      status: r.status,
      attempts: attempts
        .filter((a) => a.delivery_id === r.id)
        .map((a) => ({ attempt: Number(a.attempt), at: a.at, statusCode: a.status_code === null ? null : Number(a.status_code), error: a.error, durationMs: Number(a.duration_ms) })),
      nextAttemptAt: r.next_attempt_at,
      createdAt: r.created_at,
    })),
  );
}
