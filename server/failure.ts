// Expected failures are values: services return Result, and only the tRPC edge turns a Failure
// into a TRPCError (and so an HTTP status). A thrown error is a bug, i.e. a 500.
import type { Actor, Problem } from '../shared/index.ts';
import type { ImportProblem } from '../runtime/knowledge/formats/import-problem.ts';

/** The tRPC codes services may return; each maps to one HTTP status (400, 401, 403, 404, 409, 412, 429). */
export type FailureCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS';

/** Machine-readable details that travel in the tRPC error's `data`. */
export interface FailureData {
  /** Validation problems, each with a path into the flow document. */
  problems?: Problem[];
  /** For a stale save: the revision now stored and who saved it. */
  conflict?: { revision: number; savedBy: Actor; savedAt: string };
  /** Why a deployment (or review action) is not allowed, one sentence each. */
  reasons?: string[];
  retryAfterSeconds?: number;
  /** For a refused knowledge-base import: every problem with its file and line or JSON path. */
  importProblems?: ImportProblem[];
}

export interface Failure {
  code: FailureCode;
  message: string;
  data?: FailureData;
}

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function fail(code: FailureCode, message: string, data?: FailureData): { ok: false; failure: Failure } {
  return { ok: false, failure: data ? { code, message, data } : { code, message } };
}
