// The conversations table as the dashboard sees it: with `handed_off` (migration 0005), which only
// the dashboard's own code reads and writes. Kept out of ConversationsTable so the conversation
// writers (which never set it; it defaults to 0) are unaffected.
import type { Kysely, Transaction } from 'kysely';
import type { ConversationsTable, Database } from '../db/database.ts';

export type DashboardDatabase = Omit<Database, 'conversations'> & {
  conversations: ConversationsTable & {
    /** 1 once the conversation was handed to a person; set with the handoff row (handoff-facts.ts). */
    handed_off: number;
    /** 1 once the same customer started another conversation within 7 days after this one (migration 0008, repeat-contact.ts). */
    returned_within_7d: number;
  };
};

export function dashboardDb(db: Kysely<Database>): Kysely<DashboardDatabase> {
  return db as unknown as Kysely<DashboardDatabase>;
}

export function dashboardTrx(trx: Transaction<Database>): Transaction<DashboardDatabase> {
  return trx as unknown as Transaction<DashboardDatabase>;
}
