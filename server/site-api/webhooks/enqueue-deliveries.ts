// The outbox: webhook deliveries are inserted in the same transaction as the change they report
// (a handoff, a conversation's end), so an event is delivered if and only if it happened. The
// dispatcher sends them afterwards.
import type { Kysely, Transaction } from 'kysely';
import type { WebhookEvent } from '../../../shared/api/site-settings.ts';
import { newId } from '../../crypto/digest.ts';
import type { Database } from '../../db/database.ts';
import { eventsOf } from '../../site-settings/site-settings.ts';

/** The body every webhook receives. `id` is the delivery id: the same on every retry, for de-duplication. */
export interface WebhookEnvelope {
  id: string;
  event: WebhookEvent;
  createdAt: string;
  siteId: string;
  /** The event's JSON data (the handoff package for `handoff.created`). */
  data: unknown;
}

/** Queues one delivery per active webhook of the site that subscribes to `event`; returns how many. */
export async function enqueueDeliveries(trx: Transaction<Database> | Kysely<Database>, o: { siteId: string; event: WebhookEvent; data: unknown; now: Date }): Promise<number> {
  const hooks = await trx.selectFrom('site_webhooks').select(['id', 'events']).where('site_id', '=', o.siteId).where('removed_at', 'is', null).execute();
  const wanted = hooks.filter((h) => eventsOf(h.events).includes(o.event));
  if (wanted.length === 0) return 0;
  const at = o.now.toISOString();
  await trx
    .insertInto('webhook_deliveries')
    .values(
      wanted.map((h) => {
        const id = newId('dlv');
        const envelope: WebhookEnvelope = { id, event: o.event, createdAt: at, siteId: o.siteId, data: o.data };
        return { id, webhook_id: h.id, site_id: o.siteId, event: o.event, payload: JSON.stringify(envelope), status: 'pending' as const, attempts: 0, next_attempt_at: at, lease_until: null, created_at: at, completed_at: null };
      }),
    )
    .execute();
  return wanted.length;
}
