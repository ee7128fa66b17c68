// The agent's verdict on an escalation (table handoff_labels, one row per handoff): was a person
// needed, and when the bot misunderstood, which of the flow version's intents was right. A right
// intent makes the misunderstood customer message a suggested training example (status `open`)
// that designers add to the draft or dismiss (server/suggestions/).
import type { Kysely } from 'kysely';
import type { HandoffPackage } from '../../shared/index.ts';
import { handoffPackage } from '../../shared/index.ts';
import type { HandoffLabel } from '../../shared/api/inbox.ts';
import type { Database, SuggestionStatus } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import type { AgentRef } from './agent-actions.ts';
import { versionDocument } from './resume-points.ts';

/**
 * The message the bot acted on when it escalated: the customer's last message in the package's
 * transcript (the one classified on the escalating turn). Null when the customer wrote nothing.
 */
export function misunderstoodMessage(pkg: HandoffPackage): string | null {
  for (let i = pkg.transcript.length - 1; i >= 0; i--) {
    const entry = pkg.transcript[i]!;
    if (entry.role === 'user' && entry.text.trim()) return entry.text;
  }
  return null;
}

export async function labelHandoff(
  db: Kysely<Database>,
  o: { handoffId: string; escalationNeeded: boolean; correctIntent: string | null; agent: AgentRef; now: Date },
): Promise<Result<HandoffLabel>> {
  const h = await db.selectFrom('handoffs').select(['id', 'conversation_id', 'version_id', 'package']).where('id', '=', o.handoffId).executeTakeFirst();
  if (!h) return fail('NOT_FOUND', 'There is no such handoff.');
  let exampleText: string | null = null;
  if (o.correctIntent !== null) {
    const doc = await versionDocument(db, h.version_id);
    const names = doc.intents.map((i) => i.name);
    if (!names.includes(o.correctIntent)) {
      return fail(
        'BAD_REQUEST',
        `correctIntent: the flow version of this conversation has no intent "${o.correctIntent}"; pick one of ${names.map((n) => `"${n}"`).join(', ') || '(none)'}.`,
      );
    }
    exampleText = misunderstoodMessage(handoffPackage.parse(JSON.parse(h.package)));
    if (exampleText === null) return fail('BAD_REQUEST', 'correctIntent: the customer wrote nothing the bot could have misunderstood; label only whether a person was needed.');
  }
  const at = o.now.toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('handoff_labels').select(['correct_intent', 'suggestion_status']).where('handoff_id', '=', o.handoffId).executeTakeFirst();
    // A suggestion already added or dismissed keeps that status when the agent saves the same intent again.
    const status: SuggestionStatus | null =
      o.correctIntent === null ? null : before && before.correct_intent === o.correctIntent && before.suggestion_status !== null ? before.suggestion_status : 'open';
    const values = {
      conversation_id: h.conversation_id,
      escalation_needed: o.escalationNeeded ? 1 : 0,
      correct_intent: o.correctIntent,
      example_text: exampleText,
      suggestion_status: status,
      labelled_by: o.agent.id,
      labelled_at: at,
    };
    await trx
      .insertInto('handoff_labels')
      .values({ handoff_id: o.handoffId, ...values })
      .onConflict((oc) => oc.column('handoff_id').doUpdateSet(values))
      .execute();
  });
  const label = await loadLabel(db, o.handoffId);
  return label ? ok(label) : fail('NOT_FOUND', 'There is no such handoff.');
}

/** A handoff's label with the labelling agent's name, or null. */
export async function loadLabel(db: Kysely<Database>, handoffId: string): Promise<HandoffLabel | null> {
  const row = await db
    .selectFrom('handoff_labels as l')
    .leftJoin('users as u', 'u.id', 'l.labelled_by')
    .selectAll('l')
    .select('u.name as agent_name')
    .where('l.handoff_id', '=', handoffId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    escalationNeeded: Number(row.escalation_needed) === 1,
    correctIntent: row.correct_intent,
    exampleText: row.example_text,
    suggestionStatus: row.suggestion_status,
    labelledBy: { id: row.labelled_by, name: row.agent_name ?? '' },
    labelledAt: row.labelled_at,
  };
}
