// Signed customer data: the site's backend signs the customer's fields so a browser cannot forge
// them (above all `authenticated: true`). The token is
//   base64url(JSON payload) "." base64url(HMAC-SHA256(signing secret, base64url(JSON payload)))
// with payload { customer: {…}, sub?: customer id, exp: unix seconds }. Signing the exact bytes
// sent (not a canonical form) makes it a three-line function in any language.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { customerId } from '../../../shared/api/common.ts';
import { customerFields, type CustomerFields } from '../../../shared/api/site.ts';

/** Tokens may live at most this long (exp − now), so a leaked page cannot be replayed for days. Default 24 h. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

const payloadSchema = z.strictObject({
  customer: customerFields.default({}),
  /** The site's id for the customer (for data-subject requests). */
  sub: customerId.optional(),
  /** Expiry, unix seconds. Required. */
  exp: z.number().int(),
  iat: z.number().int().optional(),
});

export interface VerifiedCustomer {
  customer: CustomerFields;
  customerId: string | null;
}

/** Signs customer data the way a site's backend would (used by tests, the demo and docs). */
export function signCustomerToken(secret: string, payload: { customer: CustomerFields; sub?: string; exp: number }): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** Checks a token's signature, expiry and shape; the reason is a sentence for the site's developer. */
export function verifyCustomerToken(secret: string, token: string, nowMs: number): { ok: true; value: VerifiedCustomer } | { ok: false; message: string } {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, message: 'The customer token must be two base64url parts joined by a dot.' };
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = createHmac('sha256', secret).update(body).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, message: "The customer token's signature does not match this site's signing secret." };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, message: 'The customer token payload is not JSON.' };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `The customer token payload is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  const now = Math.floor(nowMs / 1000);
  if (parsed.data.exp <= now) return { ok: false, message: 'The customer token has expired; sign a fresh one for each page view.' };
  if (parsed.data.exp > now + MAX_TOKEN_LIFETIME_SECONDS) return { ok: false, message: `The customer token expires too late; use an exp at most ${MAX_TOKEN_LIFETIME_SECONDS / 3600} hours ahead.` };
  return { ok: true, value: { customer: parsed.data.customer, customerId: parsed.data.sub ?? null } };
}
