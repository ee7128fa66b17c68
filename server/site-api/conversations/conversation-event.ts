// What a conversation_events row holds and how it looks on the wire: messages (customer, bot,
// agent), status changes (escalated, assigned, ended) and the CSAT score.
import { z } from 'zod';
import { conversationStatus, messageRole, siteHandoff, type SiteEvent, type SiteMessage } from '../../../shared/api/site.ts';
import type { ConversationEventType } from '../../db/database.ts';

/** The stored payload of an event row (parsed again when read back). */
export const eventPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), role: messageRole, text: z.string(), author: z.string().nullable(), at: z.string() }),
  z.object({ type: z.literal('status'), status: conversationStatus, outcome: z.enum(['resolved', 'abandoned']).nullable(), handoff: siteHandoff.nullable() }),
  z.object({ type: z.literal('csat'), score: z.number().int(), comment: z.string().nullable() }),
]);
export type EventPayload = z.output<typeof eventPayload>;

export interface EventRow {
  seq: number;
  type: ConversationEventType;
  payload: string;
  created_at: string;
}

/** The wire form of a stored event. */
export function toSiteEvent(row: EventRow): SiteEvent {
  const p = eventPayload.parse(JSON.parse(row.payload));
  const id = Number(row.seq);
  switch (p.type) {
    case 'message':
      return { id, type: 'message', at: row.created_at, message: { id, role: p.role, text: p.text, at: p.at, author: p.author } };
    case 'status':
      return { id, type: 'status', at: row.created_at, status: p.status, outcome: p.outcome, handoff: p.handoff };
    case 'csat':
      return { id, type: 'csat', at: row.created_at, score: p.score, comment: p.comment };
  }
}

/** The message of a message event (with its id), else null. */
export function messageOf(event: SiteEvent): SiteMessage | null {
  return event.type === 'message' ? event.message : null;
}
