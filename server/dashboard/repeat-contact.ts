// Repeat contacts without a correlated subquery per conversation (issue 7's 300 ms target): each
// conversation carries `returned_within_7d`, 1 once the same customer of the same site started
// another conversation after it and at most REPEAT_WINDOW_MS later. It is set when that later
// conversation is stored (conversation-writer.ts calls `recordReturn`), and backfilled by
// migration 0008_dashboard_speed, so the dashboard only counts flags in a partial covering index.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DialectName } from '../db/dialect-name.ts';
import { dashboardDb } from './dashboard-database.ts';
import { runSteps, writeStep, type WriteStep } from '../db/write-steps.ts';
import { REPEAT_WINDOW_MS } from './metric-definitions.ts';

const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * A conversation was stored: flag the customer's conversations it returns to (started up to 7 days
 * before it), and flag it too when a later one is already stored (rows written out of order). As
 * write steps, so they commit with the conversation's own insert wherever that runs.
 */
export function returnSteps(db: Kysely<Database>, c: { id: string; site_id: string; customer_id: string | null; created_at: string }): WriteStep[] {
  if (c.customer_id === null) return [];
  const d = dashboardDb(db);
  const earlier = d
    .updateTable('conversations')
    .set({ returned_within_7d: 1 })
    .where('site_id', '=', c.site_id)
    .where('customer_id', '=', c.customer_id)
    .where('created_at', '<', c.created_at)
    .where('created_at', '>=', shift(c.created_at, -REPEAT_WINDOW_MS))
    .where('returned_within_7d', '=', 0);
  const self = d
    .updateTable('conversations as c')
    .set({ returned_within_7d: 1 })
    .where('c.id', '=', c.id)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('conversations as o')
          .select('o.id')
          .where('o.site_id', '=', c.site_id)
          .where('o.customer_id', '=', c.customer_id)
          .where('o.created_at', '>', c.created_at)
          .where('o.created_at', '<=', shift(c.created_at, REPEAT_WINDOW_MS)),
      ),
    );
  return [writeStep(earlier.compile()), writeStep(self.compile())];
}

/** {@link returnSteps} in an open transaction (fixtures that store conversations directly). */
export async function recordReturn(trx: Transaction<Database>, c: { id: string; site_id: string; customer_id: string | null; created_at: string }): Promise<void> {
  await runSteps(trx, returnSteps(trx, c));
}

/** Flags every stored conversation the same customer returned to within 7 days (migration 0008). */
export async function backfillReturns<DB>(db: Kysely<DB>, dialect: DialectName): Promise<void> {
  const later =
    dialect === 'postgres'
      ? sql`to_char((c.created_at::timestamptz + interval '7 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : sql`strftime('%Y-%m-%dT%H:%M:%fZ', c.created_at, '+7 days')`;
  await sql`update conversations as c set returned_within_7d = 1
    where c.customer_id is not null and exists (
      select 1 from conversations o
      where o.customer_id = c.customer_id and o.site_id = c.site_id and o.created_at > c.created_at and o.created_at <= ${later}
    )`.execute(db);
}

/** Migration 0008_dashboard_speed: the flag, its backfill and the index the repeat-contact count reads. */
export async function addReturnFlag(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('returned_within_7d', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await backfillReturns(db, dialect);
  // Partial: only identified customers can return. Period first, then the filter dimensions.
  await db.schema
    .createIndex('conversations_returns')
    .on('conversations')
    .columns(['created_at', 'flow_id', 'version_id', 'channel', 'returned_within_7d'])
    .where(sql.ref('customer_id'), 'is not', null)
    .execute();
}
