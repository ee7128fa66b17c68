// The edge where expected failures become TRPCErrors: the code picks the HTTP status and the
// details (problems, conflict, reasons) ride along as the error's cause for the formatter.
import { TRPCError } from '@trpc/server';
import type { Failure, FailureData, Result } from '../failure.ts';

/** Carries FailureData to the error formatter. */
export class FailureDetails extends Error {
  constructor(readonly data: FailureData) {
    super('failure details');
  }
}

export function toTRPCError(failure: Failure): TRPCError {
  return new TRPCError({
    code: failure.code,
    message: failure.message,
    ...(failure.data ? { cause: new FailureDetails(failure.data) } : {}),
  });
}

/** The value of a Result, or throws its failure as a TRPCError. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw toTRPCError(result.failure);
  return result.value;
}
