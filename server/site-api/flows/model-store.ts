// Trained intent models in the database, keyed by their training set (training-sets.ts): trained
// once, then loaded by every process and every restart. Two processes training the same model at
// once both succeed; the first insert wins and both models are identical (training is seeded).
import type { Kysely } from 'kysely';
import type { IntentClassifier, SerializedClassifier } from '../../../runtime/index.ts';
import { loadClassifier } from '../../../runtime/nlu/index.ts';
import type { Database } from '../../db/database.ts';

/** The stored model for `key`, loaded, with its stored JSON; or undefined. Throws when the stored JSON is not a model (corruption). */
export async function loadStoredModel(db: Kysely<Database>, key: string): Promise<{ model: IntentClassifier; json: string } | undefined> {
  const row = await db.selectFrom('intent_models').select('model').where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  return { model: loadClassifier(JSON.parse(row.model) as SerializedClassifier), json: row.model };
}

/** Stores a trained model: `json` is `JSON.stringify(model.toJSON())`. */
export async function storeModel(db: Kysely<Database>, o: { key: string; locale: string; json: string; trainingMs: number; now: Date }): Promise<void> {
  await db
    .insertInto('intent_models')
    .values({ key: o.key, locale: o.locale, model: o.json, training_ms: Math.round(o.trainingMs), created_at: o.now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
