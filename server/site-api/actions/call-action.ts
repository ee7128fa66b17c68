// Performs an action effect: POSTs the action's input to the URL the site configured for that
// action name, signed, with the node's timeout (capped), and turns whatever happens into the
// `action_result` event the engine continues with. Failures (no URL, timeout, non-2xx, not JSON)
// become `ok: false`, which the flow routes to the action node's `error` port.
import type { Kysely } from 'kysely';
import type { Json } from '../../../shared/index.ts';
import type { EngineEvent, EngineOutput } from '../../../runtime/index.ts';
import type { Database } from '../../db/database.ts';
import { signatureHeader, SIGNATURE_HEADER } from '../webhooks/signature.ts';

/** Largest action response read, in bytes. */
export const MAX_ACTION_RESPONSE_BYTES = 1024 * 1024;

export interface ActionCall {
  db: Kysely<Database>;
  fetch: typeof fetch;
  siteId: string;
  conversationId: string;
  flowId: string;
  nowMs: () => number;
  timeoutCapMs: number;
}

type ActionOutput = Extract<EngineOutput, { type: 'action' }>;
type ActionResult = Extract<EngineEvent, { type: 'action_result' }>;

export async function callAction(c: ActionCall, action: ActionOutput): Promise<ActionResult> {
  const failed = (error: string): ActionResult => ({ type: 'action_result', requestId: action.requestId, ok: false, error });
  const target = await c.db.selectFrom('site_actions').select(['url', 'secret']).where('site_id', '=', c.siteId).where('action', '=', action.action).executeTakeFirst();
  if (!target) return failed(`no URL is configured for the action "${action.action}" on this site`);
  const body = JSON.stringify({ requestId: action.requestId, action: action.action, input: action.input, conversationId: c.conversationId, flowId: c.flowId, siteId: c.siteId });
  const timeoutMs = Math.min(action.timeoutMs, c.timeoutCapMs);
  try {
    const res = await c.fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Switchboard-Action/1',
        [SIGNATURE_HEADER]: signatureHeader(target.secret, body, c.nowMs()),
        'switchboard-request-id': action.requestId,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const text = await readLimited(res, MAX_ACTION_RESPONSE_BYTES);
    if (text === null) return failed(`the response was larger than ${MAX_ACTION_RESPONSE_BYTES} bytes`);
    if (!res.ok) return failed(`HTTP ${res.status}`);
    if (text.trim() === '') return { type: 'action_result', requestId: action.requestId, ok: true, data: null };
    try {
      return { type: 'action_result', requestId: action.requestId, ok: true, data: JSON.parse(text) as Json };
    } catch {
      return failed('the response is not JSON');
    }
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return failed(`no answer within ${timeoutMs} ms`);
    return failed(`the request failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The body as text, or null when it exceeds `limit` bytes. */
export async function readLimited(res: Response, limit: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
