// Test harness for the site runtime: a migrated database per dialect (reusing the studio harness),
// flows deployed through the real review path, a site with a key, and the app listening on
// 127.0.0.1 — plus small clients for the site API, its event stream and the agent's tRPC calls.
import type { FastifyInstance } from 'fastify';
import type { JsonObject, VersionSummary } from '../../shared/index.ts';
import type { SiteEvent, SiteSignal } from '../../shared/api/site.ts';
import { createApp } from '../../server/app.ts';
import { siteApiOptions, type SiteApiOptions, type WebhookOptions } from '../../server/site-api/site-api-options.ts';
import { listenOnLoopback, makeWorld, type DialectUnderTest, type TestDatabase, type World } from '../server/harness.ts';
import { sseEvents } from './sse-events.ts';

export interface SiteWorld {
  database: TestDatabase;
  world: World;
  app: FastifyInstance;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Production key of site `acme`. */
  key: string;
  /** A key of another site (`other`). */
  otherKey: string;
  /** A staging key of `acme`. */
  stagingKey: string;
  api: SiteApi;
  /** Commits, approves (rita) and deploys (dana) a document; creates the flow on first use. */
  deploy(doc: JsonObject, environment?: 'production' | 'staging'): Promise<VersionSummary>;
  /** Messages the server logged (level info and up). */
  logs: string[];
  /** The same log lines as written (JSON text). */
  rawLogs: string[];
  /** Restarts the HTTP app on the same database (a new process would do the same). */
  restart(options?: Partial<SiteApiOptions>): Promise<void>;
  close(): Promise<void>;
}

export type SiteOptions = Partial<Omit<SiteApiOptions, 'webhooks'>> & { webhooks?: Partial<WebhookOptions> };

/** Test defaults: no warm-up, fast webhook retries, no widget on disk. */
export function testSiteOptions(o: SiteOptions = {}): SiteApiOptions {
  return siteApiOptions({ warmFlows: 'none', widgetDir: '/nonexistent', ssePollMs: 60_000, ...o, webhooks: { retryBaseMs: 50, retryMaxMs: 500, pollMs: 100, timeoutMs: 2000, ...o.webhooks } });
}

export async function openSiteWorld(dialect: DialectUnderTest, o: { flows?: JsonObject[]; site?: SiteOptions } = {}): Promise<SiteWorld> {
  const database = await dialect.open();
  const world = await makeWorld(database);
  const admin = await world.as('admin');
  await admin.api.sites.create({ id: 'acme', name: 'Acme' });
  await admin.api.sites.create({ id: 'other', name: 'Other' });
  const key = (await admin.api.sites.createKey({ siteId: 'acme', environment: 'production' })).secret;
  const stagingKey = (await admin.api.sites.createKey({ siteId: 'acme', environment: 'staging' })).secret;
  const otherKey = (await admin.api.sites.createKey({ siteId: 'other', environment: 'production' })).secret;

  const revisions = new Map<string, number>();
  const deploy = async (doc: JsonObject, environment: 'production' | 'staging' = 'production') => {
    const dana = await world.as('dana');
    const rita = await world.as('rita');
    const id = String(doc.id);
    const known = revisions.get(id);
    const saved = known === undefined ? await dana.api.flows.import({ document: doc }) : await dana.api.flows.saveDraft({ flowId: id, baseRevision: known, document: doc });
    revisions.set(id, saved.revision);
    const version = await dana.api.flows.commit({ flowId: id, baseRevision: saved.revision, message: 'test' });
    await rita.api.reviews.approve({ versionId: version.id, contentHash: version.contentHash });
    await dana.api.deployments.deploy({ versionId: version.id, environment });
    return version;
  };
  for (const flow of o.flows ?? []) await deploy(flow);

  const logs: string[] = [];
  const rawLogs: string[] = [];
  const logger = {
    level: 'info',
    stream: {
      write: (line: string) => {
        rawLogs.push(line);
        logs.push(String((JSON.parse(line) as { msg?: unknown }).msg ?? ''));
      },
    },
  };
  let app = await createApp({ db: database.db, dialect: database.dialect, sqliteFile: database.dialect === 'sqlite' ? database.url : null, postgresUrl: database.dialect === 'postgres' ? database.url : null, config: world.deps.config, logger, site: testSiteOptions(o.site) });
  let base = await listenOnLoopback(app);
  const sw: SiteWorld = {
    database,
    world,
    app,
    base,
    key,
    otherKey,
    stagingKey,
    logs,
    rawLogs,
    api: new SiteApi(base, key),
    deploy,
    async restart(options = {}) {
      await app.close();
      app = await createApp({ db: database.db, dialect: database.dialect, sqliteFile: database.dialect === 'sqlite' ? database.url : null, postgresUrl: database.dialect === 'postgres' ? database.url : null, config: world.deps.config, logger, site: testSiteOptions({ ...o.site, ...options }) });
      base = await listenOnLoopback(app);
      sw.app = app;
      sw.base = base;
      sw.api = new SiteApi(base, key);
    },
    async close() {
      await app.close();
      await database.cleanup();
    },
  };
  return sw;
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** The site API over real HTTP. Bodies are returned as parsed JSON, whatever the status. */
export class SiteApi {
  constructor(
    readonly base: string,
    readonly key: string | null,
  ) {}

  with(key: string | null): SiteApi {
    return new SiteApi(this.base, key);
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.key !== null) h.authorization ??= `Bearer ${this.key}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.base}/api/v1${path}`, { method, headers: h, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
  }

  start(body: Record<string, unknown> = { flowId: 'chat' }) {
    return this.request('POST', '/conversations', body);
  }
  message(id: string, text: string, idempotencyKey: string = crypto.randomUUID()) {
    return this.request('POST', `/conversations/${id}/messages`, { text, idempotencyKey });
  }
  get(id: string) {
    return this.request('GET', `/conversations/${id}`);
  }
  events(id: string, after = 0) {
    return this.request<{ events: SiteEvent[]; lastEventId: number }>('GET', `/conversations/${id}/events?after=${after}`);
  }
}

/** An SSE client on fetch (so it can send Authorization and Last-Event-ID), collecting events. */
export class EventStreamClient {
  readonly events: SiteEvent[] = [];
  /** Signals (an agent typing): sent without an id, never stored. */
  readonly signals: SiteSignal[] = [];
  private readonly abort = new AbortController();
  private waiters: Array<() => void> = [];
  status = 0;
  /** True once the server ended the stream. */
  ended = false;
  ready: Promise<void>;

  constructor(url: string, key: string, lastEventId?: number) {
    const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${key}` };
    if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
    this.ready = fetch(url, { headers, signal: this.abort.signal }).then(async (res) => {
      this.status = res.status;
      if (!res.body) return;
      void this.read(res.body);
    });
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    try {
      for await (const { data } of sseEvents(body)) {
        if (data) {
          const parsed = JSON.parse(data) as SiteEvent | SiteSignal;
          if (parsed.type === 'typing') this.signals.push(parsed);
          else this.events.push(parsed);
        }
        for (const w of this.waiters) w();
      }
      this.ended = true;
      for (const w of this.waiters) w();
    } catch {
      // aborted
    }
  }

  /** Resolves once the server has ended the stream, or rejects after `timeoutMs`. */
  async waitForEnd(timeoutMs = 5000): Promise<void> {
    await this.until(() => this.ended, timeoutMs);
  }

  /** Resolves once `predicate` holds for the events received, or rejects after `timeoutMs`. */
  async waitFor(predicate: (events: SiteEvent[]) => boolean, timeoutMs = 5000): Promise<SiteEvent[]> {
    await this.until(() => predicate(this.events), timeoutMs);
    return this.events;
  }

  /** Resolves once `predicate` holds for the signals received, or rejects after `timeoutMs`. */
  async waitForSignal(predicate: (signals: SiteSignal[]) => boolean, timeoutMs = 5000): Promise<SiteSignal[]> {
    await this.until(() => predicate(this.signals), timeoutMs);
    return this.signals;
  }

  private async until(holds: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!holds()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; events so far: ${JSON.stringify(this.events.map((e) => [e.id, e.type]))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
      this.waiters = [];
    }
  }

  close(): void {
    this.abort.abort();
  }
}

/** A signed-in user of the studio over real HTTP (cookies + CSRF), for the agent's tRPC calls. */
export class StudioHttpClient {
  private readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  static async signIn(base: string, email: string, password: string): Promise<StudioHttpClient> {
    const client = new StudioHttpClient(base);
    await client.mutate('auth.login', { email, password });
    return client;
  }

  /** The Cookie header this client sends (for SSE subscriptions opened with plain fetch). */
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!, value.join('='));
    }
  }

  async query<T = unknown>(path: string, input?: unknown): Promise<{ status: number; data: T; error?: { message: string } }> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await fetch(`${this.base}/trpc/${path}${qs}`, { headers: { cookie: this.cookieHeader() } });
    this.keep(res);
    const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
    return { status: res.status, data: body.result?.data as T, ...(body.error ? { error: body.error } : {}) };
  }

  async mutate<T = unknown>(path: string, input: unknown): Promise<{ status: number; data: T; error?: { message: string } }> {
    const res = await fetch(`${this.base}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookieHeader(), 'x-switchboard-csrf': this.cookies.get('sb_csrf') ?? 'login' },
      body: JSON.stringify(input),
    });
    this.keep(res);
    const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
    return { status: res.status, data: body.result?.data as T, ...(body.error ? { error: body.error } : {}) };
  }
}
