// Expected failures of the site API as values: a stable code from shared/api/site.ts, a sentence,
// and where in the request it is. Only the HTTP edge (http/reply-error.ts) turns them into statuses.
import type { SiteErrorCode } from '../../shared/api/site.ts';

export interface SiteFailure {
  code: SiteErrorCode;
  message: string;
  /** `body.text`, `header.authorization`, `path.id`… or null for the request as a whole. */
  path: string | null;
  issues?: Array<{ path: string; message: string }>;
  /** For 429: seconds until a retry can succeed. */
  retryAfterSeconds?: number;
}

export type SiteResult<T> = { ok: true; value: T } | { ok: false; failure: SiteFailure };

export const siteOk = <T>(value: T): SiteResult<T> => ({ ok: true, value });

export function siteFail(code: SiteErrorCode, message: string, path: string | null = null, extra: Partial<SiteFailure> = {}): { ok: false; failure: SiteFailure } {
  return { ok: false, failure: { code, message, path, ...extra } };
}

/** The HTTP status of every code: the one place it is decided. */
export const siteErrorStatus = {
  invalid_json: 400,
  invalid_request: 400,
  invalid_customer_token: 400,
  missing_key: 401,
  invalid_key: 401,
  origin_not_allowed: 403,
  not_found: 404,
  flow_not_deployed: 404,
  conversation_not_found: 404,
  conversation_ended: 409,
  idempotency_key_reused: 409,
  conversation_busy: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  flow_unavailable: 503,
} as const satisfies Record<SiteErrorCode, number>;
