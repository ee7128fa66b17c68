// Turns whatever a call threw into what the screens show: one sentence, plus the server's details
// (the deploy gate's reasons, a flow's problems, who saved last) when it sent them.
import { TRPCClientError } from '@trpc/client';
import type { Problem } from '../../shared/index.ts';

export interface SaveConflict {
  revision: number;
  savedBy: { id: string; email: string; name: string } | null;
  savedAt: string;
}

export interface ApiFailure {
  /** tRPC error code (`FORBIDDEN`, `CONFLICT`…), or `NETWORK` when the server could not be reached. */
  code: string;
  httpStatus: number | undefined;
  message: string;
  reasons: string[];
  problems: Problem[];
  conflict: SaveConflict | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function apiFailure(error: unknown): ApiFailure {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    const d = isRecord(data) ? data : {};
    const conflict = isRecord(d.conflict) && typeof d.conflict.revision === 'number' ? (d.conflict as unknown as SaveConflict) : null;
    const httpStatus = typeof d.httpStatus === 'number' ? d.httpStatus : undefined;
    return {
      code: typeof d.code === 'string' ? d.code : httpStatus === undefined ? 'NETWORK' : 'UNKNOWN',
      httpStatus,
      message: httpStatus === undefined && !d.code ? 'The studio server cannot be reached; check your connection.' : error.message,
      reasons: Array.isArray(d.reasons) ? d.reasons.filter((r): r is string => typeof r === 'string') : [],
      problems: Array.isArray(d.problems) ? (d.problems as Problem[]) : [],
      conflict,
    };
  }
  return {
    code: 'UNKNOWN',
    httpStatus: undefined,
    message: error instanceof Error ? error.message : 'Something went wrong.',
    reasons: [],
    problems: [],
    conflict: null,
  };
}

/** A user-facing sentence for a failure, explaining permission errors in terms of roles. */
export function describeFailure(error: unknown): string {
  const f = apiFailure(error);
  if (f.code === 'UNAUTHORIZED' && f.message === 'Sign in first.') return 'Your session has ended; sign in again.';
  return f.message;
}
