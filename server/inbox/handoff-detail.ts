// One handoff for the agent: the package at a glance and the whole conversation since.
import type { Kysely } from 'kysely';
import { handoffPackage } from '../../shared/index.ts';
import type { SiteMessage } from '../../shared/api/site.ts';
import type { InboxDetail } from '../../shared/api/inbox.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { messageOf, toSiteEvent } from '../site-api/conversations/conversation-event.ts';
import { loadLabel } from './handoff-labels.ts';
import { handoffQuery, toInboxItem } from './list-inbox.ts';
import { resumePoints, versionDocument } from './resume-points.ts';

export async function handoffDetail(db: Kysely<Database>, handoffId: string): Promise<Result<InboxDetail>> {
  const row = await handoffQuery(db).where('h.id', '=', handoffId).executeTakeFirst();
  if (!row) return fail('NOT_FOUND', 'There is no such handoff.');
  const conversation = await db.selectFrom('conversations').select('status').where('id', '=', row.conversation_id).executeTakeFirstOrThrow();
  const events = await db
    .selectFrom('conversation_events')
    .select(['seq', 'type', 'payload', 'created_at'])
    .where('conversation_id', '=', row.conversation_id)
    .where('type', '=', 'message')
    .orderBy('seq')
    .execute();
  const doc = await versionDocument(db, row.version_id);
  return ok({
    item: toInboxItem(row),
    package: handoffPackage.parse(JSON.parse(row.package)),
    conversationStatus: conversation.status,
    messages: events.map((e) => messageOf(toSiteEvent(e))).filter((m): m is SiteMessage => m !== null),
    resumePoints: resumePoints(doc),
    intents: doc.intents.map((i) => i.name),
    label: await loadLabel(db, handoffId),
  });
}
