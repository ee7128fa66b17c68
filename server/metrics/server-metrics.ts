// Operations metrics for `/metrics` (Prometheus text format, prom-client): what the site runtime
// does — turns, handoffs, webhook deliveries, open event streams, classification time — and HTTP
// latency per route. One registry per app (tests run several in one process). Labels are bounded:
// site, flow, queue and route names come from what admins and designers configured, never from
// customers (no conversation ids, no texts, no raw URLs).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; from sub-millisecond turns to the slowest webhook answers. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];
const CLASSIFY_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01];

/** Which thread classified a message or searched knowledge: the model thread, or the main thread when that could not answer. */
export type ModelThreadLabel = 'model' | 'main';

/** How a customer turn ended, from the server's side. */
export type TurnOutcome = 'answered' | 'escalated' | 'ended' | 'to_agent' | 'replayed';

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'site' | 'flow' | 'outcome'>;
  private readonly turnFailures: Counter<'site' | 'code'>;
  private readonly turnSeconds: Histogram<'flow'>;
  private readonly starts: Counter<'site' | 'flow'>;
  private readonly handoffs: Counter<'queue' | 'priority'>;
  private readonly webhookAttempts: Counter<'event' | 'result'>;
  private readonly webhookFailures: Counter<'event'>;
  private readonly sse: Gauge;
  private readonly classifySeconds: Histogram<'locale' | 'thread'>;
  private readonly searchSeconds: Histogram<'thread'>;
  private readonly httpSeconds: Histogram<'method' | 'route' | 'status'>;
  private readonly commitGroups: Histogram;

  /** `defaults`: also Node's process metrics (CPU, memory, event-loop delay). Default true. */
  constructor(o: { defaults?: boolean } = {}) {
    const registers = [this.registry];
    this.turns = new Counter({ name: 'switchboard_turns_total', help: 'Customer turns answered (outcome: answered, escalated, ended, to_agent, replayed).', labelNames: ['site', 'flow', 'outcome'], registers });
    this.turnFailures = new Counter({ name: 'switchboard_turn_failures_total', help: 'Customer turns refused, by error code (rate_limited, conversation_ended, …).', labelNames: ['site', 'code'], registers });
    this.turnSeconds = new Histogram({ name: 'switchboard_turn_duration_seconds', help: 'Time to take a turn and commit it, from the parsed request to the reply.', labelNames: ['flow'], buckets: LATENCY_BUCKETS, registers });
    this.starts = new Counter({ name: 'switchboard_conversations_started_total', help: 'Conversations started.', labelNames: ['site', 'flow'], registers });
    this.handoffs = new Counter({ name: 'switchboard_handoffs_created_total', help: 'Handoffs put in a queue.', labelNames: ['queue', 'priority'], registers });
    this.webhookAttempts = new Counter({ name: 'switchboard_webhook_attempts_total', help: 'Webhook delivery attempts (result: delivered, error).', labelNames: ['event', 'result'], registers });
    this.webhookFailures = new Counter({ name: 'switchboard_webhook_deliveries_failed_total', help: 'Webhook deliveries given up after their last attempt.', labelNames: ['event'], registers });
    this.sse = new Gauge({ name: 'switchboard_sse_connections', help: 'Open server-sent event streams.', registers });
    this.classifySeconds = new Histogram({ name: 'switchboard_nlu_classify_duration_seconds', help: 'Intent classification time per message (thread: model, or main when the model thread could not answer).', labelNames: ['locale', 'thread'], buckets: CLASSIFY_BUCKETS, registers });
    this.searchSeconds = new Histogram({ name: 'switchboard_knowledge_search_duration_seconds', help: 'Knowledge search time per search (thread: model, or main when the model thread could not answer).', labelNames: ['thread'], buckets: CLASSIFY_BUCKETS, registers });
    this.httpSeconds = new Histogram({ name: 'switchboard_http_request_duration_seconds', help: 'HTTP request latency by route pattern and status.', labelNames: ['method', 'route', 'status'], buckets: LATENCY_BUCKETS, registers });
    this.commitGroups = new Histogram({ name: 'switchboard_commit_group_writes', help: 'Group commit: conversation writes per transaction.', buckets: [1, 2, 4, 8, 16, 32, 64, 128], registers });
    if (o.defaults ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'switchboard_' });
  }

  turn(o: { site: string; flow: string; outcome: TurnOutcome; seconds: number }): void {
    this.turns.inc({ site: o.site, flow: o.flow, outcome: o.outcome });
    if (o.outcome !== 'replayed') this.turnSeconds.observe({ flow: o.flow }, o.seconds);
  }

  turnFailed(o: { site: string; code: string }): void {
    this.turnFailures.inc(o);
  }

  started(o: { site: string; flow: string }): void {
    this.starts.inc(o);
  }

  handoffCreated(o: { queue: string; priority: string }): void {
    this.handoffs.inc(o);
  }

  webhookAttempt(o: { event: string; delivered: boolean; gaveUp: boolean }): void {
    this.webhookAttempts.inc({ event: o.event, result: o.delivered ? 'delivered' : 'error' });
    if (o.gaveUp) this.webhookFailures.inc({ event: o.event });
  }

  streamOpened(): void {
    this.sse.inc();
  }

  streamClosed(): void {
    this.sse.dec();
  }

  classified(locale: string, seconds: number, thread: ModelThreadLabel): void {
    this.classifySeconds.observe({ locale, thread }, seconds);
  }

  searched(seconds: number, thread: ModelThreadLabel): void {
    this.searchSeconds.observe({ thread }, seconds);
  }

  /** `route`: the matched route pattern (`/api/v1/conversations/:id/messages`), or `unmatched`. */
  request(o: { method: string; route: string; status: number; seconds: number }): void {
    this.httpSeconds.observe({ method: o.method, route: o.route, status: String(o.status) }, o.seconds);
  }

  committed(writes: number): void {
    this.commitGroups.observe(writes);
  }

  /** The exposition, and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
