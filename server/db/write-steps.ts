// A write as data: the statements of one caller's change, in order, each with what it must do for
// the change to count (update exactly one row, return a row). Written this way, a write can run
// anywhere a connection is: in a transaction on this thread, or batched to the SQLite writer
// thread (sqlite-writer.ts), without the caller's code awaiting results between statements.
import { CompiledQuery, type Transaction } from 'kysely';
import type { Database } from './database.ts';

export interface WriteStep {
  sql: string;
  parameters: readonly unknown[];
  /** `change`: exactly one row changed; `row`: the statement returned a row. Unmet: the write is lost. */
  expect?: 'change' | 'row';
}

export const writeStep = (query: CompiledQuery, expect?: WriteStep['expect']): WriteStep => ({
  sql: query.sql,
  parameters: query.parameters,
  ...(expect ? { expect } : {}),
});

/** Thrown inside a transaction when a step's expectation is unmet, to roll back what ran before it. */
export class UnmetExpectation extends Error {
  constructor(readonly step: number) {
    super(`write step ${step} did not ${step === 0 ? 'apply' : 'apply after the ones before it'}`);
  }
}

/**
 * Runs `steps` in an open transaction. False when the first step's expectation is unmet (nothing
 * was written); throws UnmetExpectation for a later one, so the caller's transaction rolls back.
 */
export async function runSteps(trx: Transaction<Database>, steps: readonly WriteStep[]): Promise<boolean> {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const result = await trx.executeQuery(CompiledQuery.raw(s.sql, [...s.parameters]));
    const met = s.expect === 'change' ? Number(result.numAffectedRows ?? 0n) === 1 : s.expect === 'row' ? result.rows.length > 0 : true;
    if (met) continue;
    if (i === 0) return false;
    throw new UnmetExpectation(i);
  }
  return true;
}
