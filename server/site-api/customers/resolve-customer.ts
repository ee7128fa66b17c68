// Decides the `customer` a conversation's rules see: unsigned fields from the browser, signed ones
// from the site's backend (which alone may set `authenticated` and `id`), and the personalisation
// opt-out, which keeps profile fields away from the flow.
import type { Json } from '../../../shared/index.ts';
import type { CustomerFields } from '../../../shared/api/site.ts';
import { siteFail, siteOk, type SiteResult } from '../site-failure.ts';
import { verifyCustomerToken } from './customer-token.ts';

/** Fields only signed data may set. */
export const TRUSTED_CUSTOMER_FIELDS = ['authenticated', 'id'] as const;

export interface ResolvedCustomer {
  /** What the rule context sees as `customer`. */
  customer: Record<string, Json>;
  customerId: string | null;
  verified: boolean;
}

export function resolveCustomer(o: {
  unsigned: CustomerFields | undefined;
  token: string | undefined;
  personalisation: boolean;
  signingSecret: string | null;
  nowMs: number;
}): SiteResult<ResolvedCustomer> {
  const unsigned = o.unsigned ?? {};
  for (const field of TRUSTED_CUSTOMER_FIELDS) {
    if (field in unsigned) {
      return siteFail('invalid_request', `customer.${field} can only come from a signed customerToken (docs/site-api.md, "Signed customer data").`, `body.customer.${field}`);
    }
  }
  let signed: CustomerFields = {};
  let customerId: string | null = null;
  let verified = false;
  if (o.token !== undefined) {
    if (o.signingSecret === null) return siteFail('invalid_customer_token', 'This site has no signing secret, so it cannot accept a customerToken; create one in the site settings.', 'body.customerToken');
    const checked = verifyCustomerToken(o.signingSecret, o.token, o.nowMs);
    if (!checked.ok) return siteFail('invalid_customer_token', checked.message, 'body.customerToken');
    signed = checked.value.customer;
    customerId = checked.value.customerId;
    verified = true;
  }
  const trust: Record<string, Json> = { authenticated: verified, ...(customerId !== null ? { id: customerId } : {}) };
  if (!o.personalisation) return siteOk({ customer: { ...trust, personalisation: false }, customerId, verified });
  return siteOk({ customer: { ...unsigned, ...signed, ...trust, personalisation: true }, customerId, verified });
}
