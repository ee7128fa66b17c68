// Everything the site API's handlers share, built once per server process: the database, the
// compiled-flow cache and the model thread, the event bus (and, on PostgreSQL, its listener
// and notifier), the per-conversation locks, the webhook dispatcher and the rate limits. `close`
// stops what it started.
import type { Kysely } from 'kysely';
import type { EngineHost } from '../../runtime/index.ts';
import type { SiteSignal } from '../../shared/api/site.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { DialectName } from '../db/dialect-name.ts';
import type { ModelThreadLabel, ServerMetrics } from '../metrics/server-metrics.ts';
import type { ConversationWriter } from './conversations/conversation-writer.ts';
import { GroupCommit, transactionPerWrite, type Committer } from '../db/group-commit.ts';
import { PgPipelinedCommit } from '../db/pg-pipelined-commit.ts';
import { SqliteWriterThread } from '../db/sqlite-writer.ts';
import { KeyedMutex } from './conversations/keyed-mutex.ts';
import { StateCache } from './conversations/state-cache.ts';
import { FlowCache } from './flows/flow-cache.ts';
import { ModelThread } from './flows/model-thread.ts';
import { RateLimits } from './http/rate-limits.ts';
import { SiteAccessCache } from './http/site-access-cache.ts';
import { LiveVersions } from './flows/live-version-ref.ts';
import { ConversationBus } from './realtime/conversation-bus.ts';
import { purgeExpired } from './privacy/purge-expired.ts';
import { listenForEvents, type PgListener } from './realtime/pg-listener.ts';
import { PgEventNotifier } from './realtime/pg-notifier.ts';
import type { SiteApiOptions } from './site-api-options.ts';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';

/** How long a start may reuse the live version it read (SQLite; a deploy in this process drops it at once). */
const LIVE_VERSION_TTL_MS = 1000;

/** Structured log lines: `fields` become JSON properties (never message texts or other personal data). */
export interface SiteLog {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, error?: unknown, fields?: Record<string, unknown>): void;
}

export interface SiteRuntime {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  options: SiteApiOptions;
  flows: FlowCache;
  /** Classifies and searches turns' messages off the main thread (flows/model-thread.ts); null when off. */
  modelThread: ModelThread | null;
  bus: ConversationBus;
  /** Hands a signal (an agent typing) to the conversation's event streams, other processes' too. */
  signal(conversationId: string, signal: SiteSignal): void;
  /** Commits conversation changes (lock, revision check, notify). */
  writer: ConversationWriter;
  webhooks: WebhookDispatcher;
  limits: RateLimits;
  /** Site key lookups reused for `options.keyCacheMs`. */
  access: SiteAccessCache;
  /** What is deployed where, for starts (kept on SQLite, read every time on PostgreSQL). */
  liveVersions: LiveVersions;
  log: SiteLog;
  /** Operations counters for `/metrics`; null when metrics are off. */
  metrics: ServerMetrics | null;
  /** Outbound HTTP (actions, webhooks). */
  fetch: typeof fetch;
  /** The engine's ports: the server clock in milliseconds; PII stays redacted in packages. */
  host: EngineHost;
  /** Resolves when events from other processes are being received (at once without PostgreSQL LISTEN). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface SiteRuntimeDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  options: SiteApiOptions;
  log: SiteLog;
  /** Default: none (metrics off). */
  metrics?: ServerMetrics | null;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** The SQLite database file: with group commit on, conversation writes commit on a thread of their own. Default none. */
  sqliteFile?: string | null;
  /**
   * The PostgreSQL URL behind `db`: the process LISTENs there for other processes' events, and
   * with group commit on, conversation writes commit pipelined, in one round trip. Default none.
   */
  postgresUrl?: string | null;
}

/**
 * How conversation writes commit: on the SQLite writer thread, grouped on this thread, pipelined
 * (PostgreSQL), or one transaction each.
 */
function committerFor(d: SiteRuntimeDeps): { commits: Committer & { close?(): Promise<void> }; how: string } {
  const o = d.metrics ? { committed: (writes: number) => d.metrics!.committed(writes) } : {};
  if (d.options.groupCommit && d.dialect === 'postgres' && d.postgresUrl) {
    const idleError = (error: Error) => d.log.error('a pooled PostgreSQL connection for commits broke while idle', error);
    return { commits: new PgPipelinedCommit(d.postgresUrl, d.db, { ...o, idleError }), how: 'grouped, each group pipelined in one round trip' };
  }
  if (d.dialect !== 'sqlite' || !d.options.groupCommit) return { commits: transactionPerWrite(d.db), how: 'one transaction per write' };
  if (d.sqliteFile) {
    const checkpointFailed = (error: unknown) => d.log.error('the WAL checkpointer thread stopped; commits checkpoint the WAL themselves', error);
    return { commits: new SqliteWriterThread(d.sqliteFile, d.db, { ...o, checkpointFailed }), how: 'grouped, on the SQLite writer thread (WAL checkpoints on a thread of their own)' };
  }
  return { commits: new GroupCommit(d.db, o), how: 'grouped, on the main thread (in-memory database)' };
}

export function createSiteRuntime(d: SiteRuntimeDeps): SiteRuntime {
  const bus = new ConversationBus();
  const fetcher = d.fetch ?? fetch;
  const webhooks = new WebhookDispatcher({
    db: d.db,
    clock: d.clock,
    fetch: fetcher,
    options: d.options.webhooks,
    log: d.log,
    metrics: d.metrics ?? null,
  });
  /** Classification and knowledge-search times for /metrics, by the thread that answered. */
  const metrics = d.metrics;
  const timedOn = (thread: ModelThreadLabel) =>
    metrics ? { classified: (locale: string, seconds: number) => metrics.classified(locale, seconds, thread), searched: (seconds: number) => metrics.searched(seconds, thread) } : {};
  const modelThread = d.options.modelThread
    ? new ModelThread({
        capacity: d.options.compiledFlowCacheSize,
        ...timedOn('model'),
        failed: (error) => d.log.error('the model thread failed; messages are classified and searched on the main thread', error),
        unloadable: (error) => d.log.error(error.message),
      })
    : null;
  const flows = new FlowCache({
    db: d.db,
    clock: d.clock,
    capacity: d.options.compiledFlowCacheSize,
    thread: modelThread,
    ...timedOn('main'),
    onCompiled: (r) =>
      d.log.info(
        `compiled flow version ${r.versionId} in ${Math.round(r.totalMs)} ms` +
          (r.loaded.length ? `; loaded ${r.loaded.map((m) => `${m.locale} model (${Math.round(m.ms)} ms)`).join(', ')}` : '') +
          (r.trained.length ? `; trained and stored ${r.trained.map((m) => `${m.locale} model (${Math.round(m.ms)} ms)`).join(', ')}` : ''),
      ),
  });
  let listener: PgListener | null = null;
  let notifier: PgEventNotifier | null = null;
  if (d.dialect === 'postgres' && d.postgresUrl) {
    listener = listenForEvents(d.postgresUrl, bus, (m, e) => d.log.error(m, e));
    notifier = new PgEventNotifier(d.postgresUrl, (m, e) => d.log.error(m, e));
  }
  webhooks.start();
  const states = new StateCache();
  const purge = setInterval(() => {
    purgeExpired(d.db, d.clock.now()).then(
      (r) => {
        if (r.conversations) states.clear();
        if (r.conversations || r.deliveries) d.log.info(`retention: purged ${r.conversations} conversations and ${r.deliveries} webhook deliveries`);
      },
      (error: unknown) => d.log.error('retention purge failed', error),
    );
  }, d.options.purgeIntervalMs);
  purge.unref();
  const { commits, how } = committerFor(d);
  d.log.info(`conversation writes commit ${how}`);
  return {
    db: d.db,
    dialect: d.dialect,
    clock: d.clock,
    options: d.options,
    flows,
    modelThread,
    bus,
    signal: (id, signal) => {
      bus.signal(id, signal);
      notifier?.signal(id, signal);
    },
    writer: {
      db: d.db,
      dialect: d.dialect,
      clock: d.clock,
      locks: new KeyedMutex(),
      commits,
      states,
      // One server process owns a SQLite file's conversations (several processes share PostgreSQL).
      soleWriter: d.dialect === 'sqlite',
      maxRetries: d.options.maxCommitRetries,
      changed: (id) => {
        bus.publish(id);
        notifier?.notify(id);
      },
      queued: () => webhooks.poke(),
    },
    webhooks,
    limits: new RateLimits(),
    access: new SiteAccessCache(d.options.keyCacheMs),
    // Several processes share PostgreSQL: a deploy in one must pin the very next start in another.
    liveVersions: new LiveVersions(d.db, d.dialect, d.dialect === 'sqlite' ? LIVE_VERSION_TTL_MS : 0),
    log: d.log,
    metrics: d.metrics ?? null,
    fetch: fetcher,
    host: { clock: { now: () => d.clock.now().getTime() }, allowPii: false },
    ready: listener?.ready ?? Promise.resolve(),
    async close() {
      clearInterval(purge);
      await webhooks.stop();
      await listener?.close();
      await commits.close?.();
      await notifier?.close();
      await modelThread?.close();
    },
  };
}

