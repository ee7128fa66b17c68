// Retention: conversations untouched for longer than their site's retention period are deleted
// with everything stored about them (events, turns, handoffs cascade), and so are webhook
// deliveries older than the period (their bodies hold handoff packages). Runs on a timer in every
// server process; deleting twice is harmless.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

export interface PurgeReport {
  conversations: number;
  deliveries: number;
}

/** Deletes what has outlived each site's retention period as of `now`. */
export async function purgeExpired(db: Kysely<Database>, now: Date): Promise<PurgeReport> {
  const sites = await db.selectFrom('site_settings').select(['site_id', 'retention_days']).where('retention_days', 'is not', null).execute();
  const report: PurgeReport = { conversations: 0, deliveries: 0 };
  for (const site of sites) {
    const cutoff = new Date(now.getTime() - Number(site.retention_days) * 24 * 60 * 60 * 1000).toISOString();
    const conversations = await db.deleteFrom('conversations').where('site_id', '=', site.site_id).where('updated_at', '<', cutoff).executeTakeFirst();
    const deliveries = await db.deleteFrom('webhook_deliveries').where('site_id', '=', site.site_id).where('created_at', '<', cutoff).where('status', '!=', 'pending').executeTakeFirst();
    report.conversations += Number(conversations.numDeletedRows);
    report.deliveries += Number(deliveries.numDeletedRows);
  }
  return report;
}
