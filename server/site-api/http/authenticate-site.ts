// Authenticates a site API request: `Authorization: Bearer <site key>` names the site and the
// environment; a browser's Origin must be one the site allows; the key's request rate is capped.
// The lookup (the key, then the site's access settings) is reused briefly (site-access-cache.ts says how revocation stays prompt).
import type { FastifyRequest } from 'fastify';
import { siteAccessGeneration } from '../../sites/site-access-changes.ts';
import { verifySiteKey } from '../../sites/site-keys.ts';
import { siteAccess } from '../../site-settings/site-settings.ts';
import type { SiteCaller } from '../site-caller.ts';
import type { SiteAccessEntry } from './site-access-cache.ts';
import { siteFail, siteOk, type SiteResult } from '../site-failure.ts';
import type { SiteRuntime } from '../site-runtime.ts';

export type AuthenticatedSite = SiteCaller & { signingSecret: string | null };

/** The key from `Authorization: Bearer …`, or (event streams only, for EventSource) `?key=`. */
function presentedKey(req: FastifyRequest, allowQuery: boolean): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? match[1]! : '';
  }
  if (allowQuery && typeof req.query === 'object' && req.query !== null && 'key' in req.query && typeof req.query.key === 'string') return req.query.key;
  return null;
}

export async function authenticateSite(rt: SiteRuntime, req: FastifyRequest, o: { allowQueryKey?: boolean } = {}): Promise<SiteResult<AuthenticatedSite>> {
  const key = presentedKey(req, o.allowQueryKey ?? false);
  if (key === null) return siteFail('missing_key', 'Send the site key as Authorization: Bearer <key>.', 'header.authorization');
  if (key === '') return siteFail('invalid_key', 'The Authorization header must be "Bearer <key>".', 'header.authorization');
  const nowMs = rt.clock.now().getTime();
  const access = await lookUp(rt, key, nowMs);
  if (!access) return siteFail('invalid_key', 'This site key is unknown or revoked.', 'header.authorization');
  const retryAfter = rt.limits.hit(`key:${access.keyId}`, rt.options.keyRequestsPerMinute, nowMs);
  if (retryAfter !== null) return siteFail('rate_limited', `Too many requests with this site key; wait ${retryAfter} s.`, null, { retryAfterSeconds: retryAfter });
  const origin = req.headers.origin;
  if (origin !== undefined && access.allowedOrigins.length > 0 && !access.allowedOrigins.includes(origin) && !sameHost(origin, req.headers.host)) {
    return siteFail('origin_not_allowed', `Pages on ${origin} may not use this site's key; add the origin to the site's allowed origins.`, 'header.origin');
  }
  return siteOk({ keyId: access.keyId, siteId: access.siteId, environment: access.environment, signingSecret: access.signingSecret });
}

/**
 * Whether the key a request presented still opens a site (it was not revoked since): an event
 * stream asks on each poll, so that revoking a key also ends the streams opened with it. Not
 * counted against the key's request rate.
 */
export async function keyStillValid(rt: SiteRuntime, req: FastifyRequest): Promise<boolean> {
  const key = presentedKey(req, true);
  return key !== null && key !== '' && (await lookUp(rt, key, rt.clock.now().getTime())) !== null;
}

/** The key's site and access settings, from the cache or the database; null when unknown or revoked. */
async function lookUp(rt: SiteRuntime, key: string, nowMs: number): Promise<SiteAccessEntry | null> {
  if (key.length > 200) return null;
  const cached = rt.access.get(key, nowMs);
  if (cached) return cached;
  const generation = siteAccessGeneration();
  const verified = await verifySiteKey(rt.db, key);
  if (!verified) return null;
  const settings = await siteAccess(rt.db, verified.siteId);
  const entry = { ...verified, ...settings };
  rt.access.set(key, entry, nowMs, generation);
  return entry;
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
