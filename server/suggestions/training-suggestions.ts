// Suggested training examples from agents' labels (handoff_labels with status `open`): the review
// list per flow, "add to draft" (the customer's message becomes an example of the right intent,
// saved through the draft service's revision check in the same transaction that marks the
// suggestion added) and "dismiss".
import type { Kysely } from 'kysely';
import { handoffPackage, type JsonObject } from '../../shared/index.ts';
import type { TrainingSuggestion } from '../../shared/api/suggestions.ts';
import type { ActorRef } from '../actor.ts';
import type { Database } from '../db/database.ts';
import { fail, ok, type Result } from '../failure.ts';
import { parseDraftText, staleOrMissing, writeDraft } from '../flows/drafts.ts';

/** Open suggestions of a flow, oldest first (the order they were labelled). */
export async function listSuggestions(db: Kysely<Database>, flowId: string): Promise<TrainingSuggestion[]> {
  const rows = await db
    .selectFrom('handoff_labels as l')
    .innerJoin('handoffs as h', 'h.id', 'l.handoff_id')
    .leftJoin('users as u', 'u.id', 'l.labelled_by')
    .select(['l.handoff_id', 'l.conversation_id', 'l.correct_intent', 'l.example_text', 'l.labelled_by', 'l.labelled_at', 'h.flow_id', 'h.package', 'u.name as agent_name'])
    .where('h.flow_id', '=', flowId)
    .where('l.suggestion_status', '=', 'open')
    .orderBy('l.labelled_at')
    .orderBy('l.handoff_id')
    .limit(500)
    .execute();
  return rows.flatMap((r) =>
    r.correct_intent !== null && r.example_text !== null
      ? [
          {
            handoffId: r.handoff_id,
            conversationId: r.conversation_id,
            flowId: r.flow_id,
            text: r.example_text,
            intent: r.correct_intent,
            botIntent: handoffPackage.parse(JSON.parse(r.package)).intent?.name ?? null,
            labelledBy: { id: r.labelled_by, name: r.agent_name ?? '' },
            labelledAt: r.labelled_at,
          },
        ]
      : [],
  );
}

interface SuggestionRow {
  flowId: string;
  intent: string;
  text: string;
  status: 'open' | 'added' | 'dismissed';
}

async function findSuggestion(db: Kysely<Database>, handoffId: string): Promise<Result<SuggestionRow>> {
  const row = await db
    .selectFrom('handoff_labels as l')
    .innerJoin('handoffs as h', 'h.id', 'l.handoff_id')
    .select(['l.correct_intent', 'l.example_text', 'l.suggestion_status', 'h.flow_id'])
    .where('l.handoff_id', '=', handoffId)
    .executeTakeFirst();
  if (!row || row.correct_intent === null || row.example_text === null || row.suggestion_status === null) return fail('NOT_FOUND', 'There is no such suggestion.');
  return ok({ flowId: row.flow_id, intent: row.correct_intent, text: row.example_text, status: row.suggestion_status });
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export interface AddedSuggestion {
  /** False when the intent already had this example (the draft was not changed). */
  changed: boolean;
  revision: number;
  savedAt: string;
  /** The draft after the change. */
  document: JsonObject;
}

/** Rolls the transaction back when the draft moved on between reading and writing it. */
class StaleDraft extends Error {}

/**
 * Adds the suggestion's text as an example of its intent in the flow's draft. CONFLICT when the
 * draft moved past `baseRevision` or the suggestion was already handled; PRECONDITION_FAILED when
 * the draft no longer has the intent. An example the intent already has is not added twice.
 */
export async function addSuggestion(db: Kysely<Database>, o: { handoffId: string; baseRevision: number; actor: ActorRef; now: Date }): Promise<Result<AddedSuggestion>> {
  const found = await findSuggestion(db, o.handoffId);
  if (!found.ok) return found;
  const s = found.value;
  if (s.status !== 'open') return fail('CONFLICT', `This suggestion was already ${s.status}.`);
  const draft = await db.selectFrom('drafts').select(['document', 'revision', 'updated_at']).where('flow_id', '=', s.flowId).executeTakeFirst();
  if (!draft) return fail('NOT_FOUND', `There is no flow "${s.flowId}".`);
  if (Number(draft.revision) !== o.baseRevision) return staleOrMissing(db, s.flowId, o.baseRevision);

  const document = parseDraftText(draft.document);
  const intents = Array.isArray(document.intents) ? document.intents : [];
  const index = intents.findIndex((i) => typeof i === 'object' && i !== null && !Array.isArray(i) && i.name === s.intent);
  const intent = index >= 0 ? (intents[index] as JsonObject) : undefined;
  if (!intent) return fail('PRECONDITION_FAILED', `The draft of "${s.flowId}" has no intent "${s.intent}" any more; add the intent first or dismiss this suggestion.`);
  const examples = Array.isArray(intent.examples) ? intent.examples : [];
  const changed = !examples.some((e) => typeof e === 'string' && sameText(e, s.text));
  const next: JsonObject = changed ? { ...document, intents: intents.map((i, n) => (n === index ? { ...intent, examples: [...examples, s.text] } : i)) } : document;

  let done: { revision: number; savedAt: string } | 'handled' | 'stale';
  try {
    done = await db.transaction().execute(async (trx) => {
      const marked = await trx
        .updateTable('handoff_labels')
        .set({ suggestion_status: 'added' })
        .where('handoff_id', '=', o.handoffId)
        .where('suggestion_status', '=', 'open')
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) return 'handled' as const;
      if (!changed) return { revision: o.baseRevision, savedAt: draft.updated_at };
      const revision = await writeDraft(trx, { flowId: s.flowId, baseRevision: o.baseRevision, document: next, actor: o.actor, now: o.now });
      if (revision === null) throw new StaleDraft();
      return { revision, savedAt: o.now.toISOString() };
    });
  } catch (error) {
    if (!(error instanceof StaleDraft)) throw error;
    done = 'stale';
  }
  if (done === 'handled') return fail('CONFLICT', 'Someone handled this suggestion a moment ago.');
  if (done === 'stale') return staleOrMissing(db, s.flowId, o.baseRevision);
  return ok({ changed, revision: done.revision, savedAt: done.savedAt, document: next });
}

/** Dismisses an open suggestion (the label itself stays, for escalation accuracy). */
export async function dismissSuggestion(db: Kysely<Database>, handoffId: string): Promise<Result<{ dismissed: true }>> {
  const found = await findSuggestion(db, handoffId);
  if (!found.ok) return found;
  const r = await db.updateTable('handoff_labels').set({ suggestion_status: 'dismissed' }).where('handoff_id', '=', handoffId).where('suggestion_status', '=', 'open').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('CONFLICT', `This suggestion was already ${found.value.status}.`);
  return ok({ dismissed: true });
}
