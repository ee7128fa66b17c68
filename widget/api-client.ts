// The widget's calls to the site API: JSON over fetch with the site key, errors as values. Only
// types come from shared/ (nothing of zod ends up in the bundle).
import type {
  ConversationView,
  EventsOutput,
  SiteError,
  StartConversationBody,
  StartConversationOutput,
  TurnOutput,
} from '../shared/api/site.ts';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

export class SiteApiClient {
  constructor(
    private readonly base: string,
    private readonly key: string,
  ) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
    let res: Response;
    try {
      res = await fetch(`${this.base}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${this.key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      return { ok: false, status: 0, code: 'network', message: 'No connection. Check your internet connection.' };
    }
    let json: unknown = null;
    try {
      json = await res.json();
    } catch {
      // an empty or non-JSON body; handled below
    }
    if (res.ok) return { ok: true, value: json as T };
    const error = (json as SiteError | null)?.error;
    return { ok: false, status: res.status, code: error?.code ?? 'http_error', message: error?.message ?? `The chat service answered ${res.status}.` };
  }

  start(body: StartConversationBody) {
    return this.call<StartConversationOutput>('POST', '/conversations', body);
  }
  get(id: string) {
    return this.call<ConversationView>('GET', `/conversations/${encodeURIComponent(id)}`);
  }
  send(id: string, text: string, idempotencyKey: string) {
    return this.call<TurnOutput>('POST', `/conversations/${encodeURIComponent(id)}/messages`, { text, idempotencyKey });
  }
  requestHuman(id: string, idempotencyKey: string) {
    return this.call<TurnOutput>('POST', `/conversations/${encodeURIComponent(id)}/request-human`, { idempotencyKey });
  }
  eventsAfter(id: string, after: number) {
    return this.call<EventsOutput>('GET', `/conversations/${encodeURIComponent(id)}/events?after=${after}`);
  }
  rate(id: string, score: number, comment: string) {
    return this.call<unknown>('POST', `/conversations/${encodeURIComponent(id)}/csat`, { score, ...(comment ? { comment } : {}) });
  }

  /** The SSE endpoint, for the event stream. */
  eventsUrl(id: string): string {
    return `${this.base}/api/v1/conversations/${encodeURIComponent(id)}/events`;
  }

  get authorization(): string {
    return `Bearer ${this.key}`;
  }
}

/** A random idempotency key (crypto.randomUUID where available). */
export function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
