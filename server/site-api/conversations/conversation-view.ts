// Reading a conversation from the site's side: everything a widget needs to redraw it after a
// page reload, and the events after a given id (for catching up without SSE).
import type { Kysely } from 'kysely';
import type { ConversationView, EventsOutput, SiteMessage } from '../../../shared/api/site.ts';
import type { Database } from '../../db/database.ts';
import type { SiteCaller } from '../site-caller.ts';
import { siteOk, type SiteResult } from '../site-failure.ts';
import { messageOf, toSiteEvent } from './conversation-event.ts';
import { currentHandoff } from './record-handoff.ts';
import { conversationNotFound } from './take-turn.ts';

/** Most events one JSON read or SSE batch returns; ask again after the last id for more. */
export const EVENT_PAGE = 500;

export async function viewConversation(db: Kysely<Database>, caller: SiteCaller, id: string): Promise<SiteResult<ConversationView>> {
  const row = await db
    .selectFrom('conversations as c')
    .innerJoin('versions as v', 'v.id', 'c.version_id')
    .select(['c.site_id', 'c.environment', 'c.status', 'c.outcome', 'c.flow_id', 'c.version_id', 'v.number', 'c.channel', 'c.locale', 'c.created_at', 'c.csat_score', 'c.csat_comment', 'c.last_seq'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row || row.site_id !== caller.siteId || row.environment !== caller.environment) return { ok: false, failure: conversationNotFound(id) };
  const events = await db.selectFrom('conversation_events').select(['seq', 'type', 'payload', 'created_at']).where('conversation_id', '=', id).where('type', '=', 'message').orderBy('seq').execute();
  const messages = events.map((e) => messageOf(toSiteEvent(e))).filter((m): m is SiteMessage => m !== null);
  return siteOk({
    conversationId: id,
    status: row.status,
    outcome: row.outcome,
    flow: { id: row.flow_id, versionId: row.version_id, version: Number(row.number) },
    channel: row.channel,
    locale: row.locale,
    createdAt: row.created_at,
    messages,
    handoff: row.status === 'active' ? null : await currentHandoff(db, id),
    csat: row.csat_score === null ? null : { score: Number(row.csat_score), comment: row.csat_comment },
    lastEventId: Number(row.last_seq),
  });
}

/** Events with an id above `after`, oldest first, at most EVENT_PAGE. */
export async function eventsAfter(db: Kysely<Database>, id: string, after: number): Promise<EventsOutput> {
  const rows = await db
    .selectFrom('conversation_events')
    .select(['seq', 'type', 'payload', 'created_at'])
    .where('conversation_id', '=', id)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(EVENT_PAGE)
    .execute();
  const events = rows.map(toSiteEvent);
  return { events, lastEventId: events.length ? events[events.length - 1]!.id : after };
}
