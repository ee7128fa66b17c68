// Site runtime benchmark: durable turns through the real HTTP API. The server runs as its own
// process (`server/main.ts`, SQLite, banking-support with its 10k-example intent model, a
// 3-intent flow, and banking-help, whose messages mostly end in a knowledge search); a bounded load of concurrent conversations on 127.0.0.1 (site-load.ts, in a process of its own)
// measures turns/s and latency, as fast as answers come and paced at the target rate, and the
// same client against a bare node:http server returning a fixed JSON body, just before and just
// after the durable turns, gives the ratio.
// Model figures come from the server's own start-up logs: training on first start, loading after.
// Targets (issue 5): ≥ 2,000 turns/s, p99 < 25 ms at 64 concurrent conversations, ≥ 25% of bare HTTP.
// Run alone with `npx tsx bench/site.ts`.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain } from './measure.ts';
import { KEY, runLoad, type LoadOptions } from './site-load.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
/** A small looping flow (3 intents, 12 examples): the same durable path with almost no NLU work. */
export function smallFlow(): Record<string, unknown> {
  const at = { x: 0, y: 0 };
  return {
    schemaVersion: 1,
    id: 'small',
    name: 'Small',
    settings: { confidenceThreshold: 0.3, maxClarifications: 0 },
    intents: [
      { name: 'card', examples: ['how do I activate my new card', 'can I change my PIN', 'card question', 'my card'] },
      { name: 'money', examples: ['what is the exchange rate for euros', 'how do I top up my account', 'fees for atm withdrawals', 'money'] },
      { name: 'thanks', examples: ['thanks', 'thank you', 'cheers', 'can I use apple pay'] },
    ],
    nodes: [
      { id: 'start', type: 'start', position: at, data: {} },
      { id: 'hi', type: 'message', position: at, data: { text: 'Hi {{customer.firstName | there}}! How can I help?' } },
      { id: 'route', type: 'intent', position: at, data: { intents: ['card', 'money', 'thanks'] } },
      { id: 'card', type: 'message', position: at, data: { text: 'Open the app and go to Cards.' } },
      { id: 'money', type: 'message', position: at, data: { text: 'Rates and fees are in the app under Accounts.' } },
      { id: 'thanks', type: 'message', position: at, data: { text: 'You are welcome!' } },
      { id: 'else', type: 'message', position: at, data: { text: 'Could you say that another way?' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'hi' },
      { id: 'e2', source: 'hi', target: 'route' },
      ...['card', 'money', 'thanks'].flatMap((n) => [
        { id: `${n}-in`, source: 'route', sourceHandle: n, target: n },
        { id: `${n}-out`, source: n, target: 'route' },
      ]),
      { id: 'lc', source: 'route', sourceHandle: 'low_confidence', target: 'else' },
      { id: 'lc-out', source: 'else', target: 'route' },
    ],
  };
}

/** Defaults: 64 conversations, 8 measured seconds after 2 of warm-up, 8 messages per conversation. */
export type SiteBenchOptions = Partial<Omit<LoadOptions, 'turnsPerSecond'>>;

/** The targets; the throughput target is also the rate of the paced run. */
const TARGETS = { turnsPerSecond: 2000, p99Ms: 25, ratioToBareHttp: 0.25 };

export interface Server {
  url: string;
  log: string[];
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startChild(args: string[], env: Record<string, string>, ready: RegExp): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${log.join('')}`)), 600_000);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      const match = ready.exec(log.join(''));
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          log,
          child,
          stop: () =>
            new Promise((done) => {
              // 'close', not 'exit': the last of its output (the log lines the benchmark reads) may arrive after exit.
              child.once('close', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${log.join('')}`)));
  });
}

const bareServer = `
const http = require('node:http');
const body = JSON.stringify({ status: 'active', messages: [{ id: 3, role: 'bot', text: 'Your balance is 42.00 EUR.', at: new Date().toISOString(), author: null }], handoff: null, lastEventId: 3 });
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(req.method === 'POST' && req.url === '/api/v1/conversations' ? 201 : 200, { 'content-type': 'application/json' }); res.end(req.url === '/api/v1/conversations' ? JSON.stringify({ conversationId: 'conv_bare' }) : body); });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log('bare server at http://127.0.0.1:' + server.address().port));
`;

/** The server's environment for a benchmark: its database, its flows, the benchmark's site key, no rate limit the load would trip. */
export function benchServerEnv(databaseUrl: string, flowsDir: string, logLevel: 'info' | 'warn'): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    FLOWS_DIR: flowsDir,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_SITE_KEY: KEY,
    ADMIN_PASSWORD: 'correct horse battery staple',
    EDITOR_DIR: '/nonexistent',
    LOG_LEVEL: logLevel,
    NODE_ENV: 'production',
    SITE_CONVERSATION_RATE_PER_MINUTE: '100000',
  };
}

/** Starts `server/main.ts` with `env` as a child process; resolves once it listens. */
export const startBenchServer = (env: Record<string, string>): Promise<Server> =>
  startChild(['--import', 'tsx', 'server/main.ts'], env, /Switchboard is running at (http:\/\/\S+)/);

/** The server's counters so far, from its /metrics; null when metrics are off. */
export interface ServerCounters {
  /** Group commit: writes and transactions. */
  writes: number;
  transactions: number;
  /** Message turns answered 200, and those the server itself took at most 25 ms over. */
  turns: number;
  turnsWithin25Ms: number;
  /** Messages classified on the model thread, and on the main thread (model loading, thread off or unable). */
  classifiedOnThread: number;
  classifiedOnMain: number;
  /** Knowledge searches on the model thread, and on the main thread. */
  searchedOnThread: number;
  searchedOnMain: number;
  /** The main thread's garbage-collection pauses (seconds): scavenges, and full mark-compacts with their count. */
  scavengeSeconds: number;
  markCompactSeconds: number;
  markCompacts: number;
}

const MESSAGE_TURNS = 'switchboard_http_request_duration_seconds_bucket{le="%",method="POST",route="/api/v1/conversations/:id/messages",status="200"}';

export async function serverCounters(base: string): Promise<ServerCounters | null> {
  const res = await fetch(`${base}/metrics`).catch(() => null);
  if (!res?.ok) return null;
  const lines = new Map((await res.text()).split('\n').map((line) => [line.slice(0, line.lastIndexOf(' ')), Number(line.slice(line.lastIndexOf(' ') + 1))]));
  const value = (name: string) => lines.get(name) ?? NaN;
  return {
    writes: value('switchboard_commit_group_writes_sum'),
    transactions: value('switchboard_commit_group_writes_count'),
    // No line yet before the first message turn.
    turns: lines.get(MESSAGE_TURNS.replace('%', '+Inf')) ?? 0,
    turnsWithin25Ms: lines.get(MESSAGE_TURNS.replace('%', '0.025')) ?? 0,
    classifiedOnThread: counted(lines, 'switchboard_nlu_classify_duration_seconds_count{', 'model'),
    classifiedOnMain: counted(lines, 'switchboard_nlu_classify_duration_seconds_count{', 'main'),
    searchedOnThread: counted(lines, 'switchboard_knowledge_search_duration_seconds_count{', 'model'),
    searchedOnMain: counted(lines, 'switchboard_knowledge_search_duration_seconds_count{', 'main'),
    scavengeSeconds: lines.get('switchboard_nodejs_gc_duration_seconds_sum{kind="minor"}') ?? 0,
    markCompactSeconds: lines.get('switchboard_nodejs_gc_duration_seconds_sum{kind="major"}') ?? 0,
    markCompacts: lines.get('switchboard_nodejs_gc_duration_seconds_count{kind="major"}') ?? 0,
  };
}

/** A histogram's count on one thread so far, over its other labels. */
function counted(lines: Map<string, number>, prefix: string, thread: 'model' | 'main'): number {
  let sum = 0;
  for (const [name, value] of lines) if (name.startsWith(prefix) && name.includes(`thread="${thread}"`)) sum += value;
  return sum;
}

/** The share of the messages classified (or searches) between two readings that the model thread answered. */
const shareOnThread = (before: ServerCounters, after: ServerCounters, of: 'classified' | 'searched') => {
  const thread = after[`${of}OnThread`] - before[`${of}OnThread`];
  return Math.round((thread / (thread + after[`${of}OnMain`] - before[`${of}OnMain`])) * 1000) / 1000;
};

/** Conversation writes per transaction between two readings (group commit). */
export const writesPerCommit = (before: ServerCounters, after: ServerCounters) => Math.round(((after.writes - before.writes) / (after.transactions - before.transactions)) * 10) / 10;

/**
 * The share of a run's message turns that the server took at most 25 ms over, timed by the server
 * from when it read the request to the reply sent: what the client measured besides is the wait before
 * the server read the request (the queue of a saturating run) and the network.
 */
const shareWithin25Ms = (before: ServerCounters, after: ServerCounters) => Math.round(((after.turnsWithin25Ms - before.turnsWithin25Ms) / (after.turns - before.turns)) * 1000) / 1000;

/** The main thread's GC pauses between two readings (warm-up included): scavenges and mark-compacts in ms, and how many mark-compacts. */
const gcPauses = (before: ServerCounters, after: ServerCounters) => ({
  scavengeMs: Math.round((after.scavengeSeconds - before.scavengeSeconds) * 1000),
  markCompactMs: Math.round((after.markCompactSeconds - before.markCompactSeconds) * 1000),
  markCompacts: after.markCompacts - before.markCompacts,
});

/**
 * The server process's resident memory now and at its peak (MB, Linux /proc: VmRSS, VmHWM), its
 * threads included; null elsewhere.
 */
function serverMemory(pid: number): { rssMb: number; peakRssMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (field: string) => Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) / 1024);
    return { rssMb: mb('VmRSS'), peakRssMb: mb('VmHWM') };
  } catch {
    return null;
  }
}

/** The largest number a pattern captures in a log (the banking model dwarfs the small one). */
const ms = (log: string[], pattern: RegExp) => {
  const values = [...log.join('').matchAll(new RegExp(pattern.source, 'g'))].map((m) => Number(m[1]));
  return values.length ? Math.max(...values) : null;
};

export async function benchSite(options: SiteBenchOptions = {}): Promise<Record<string, unknown>> {
  const o: LoadOptions = { concurrency: 64, seconds: 8, warmupSeconds: 2, turnsPerConversation: 8, ...options };
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-site-'));
  const flows = join(dir, 'flows');
  mkdirSync(flows);
  copyFileSync(join(repo, 'flows/banking-support.json'), join(flows, 'banking-support.json'));
  copyFileSync(join(repo, 'flows/banking-help.json'), join(flows, 'banking-help.json'));
  cpSync(join(repo, 'flows/knowledge'), join(flows, 'knowledge'), { recursive: true });
  writeFileSync(join(flows, 'small.json'), JSON.stringify(smallFlow()));
  const env = benchServerEnv(join(dir, 'bench.db'), flows, 'info');
  try {
    // First start: seeds banking-support and trains its model once, storing it.
    const t0 = performance.now();
    const first = await startBenchServer(env);
    const firstStartMs = performance.now() - t0;
    await first.stop();
    const trainingMs = ms(first.log, /trained and stored en model \((\d+) ms\)/);

    // Second start: the model is loaded from the database (info level, for the compile report).
    const t1 = performance.now();
    const second = await startBenchServer(env);
    const restartMs = performance.now() - t1;
    await second.stop();
    const loadMs = ms(second.log, /loaded en model \((\d+) ms\)/);

    // Under load, without per-request logging. The bare server runs beside it, and is measured
    // just before and just after the durable turns: this VM's speed drifts by a third within
    // minutes, and the ratio should compare like with like.
    const server = await startBenchServer({ ...env, LOG_LEVEL: 'warn' });
    let bare: Server | undefined;
    let site: Record<string, number>;
    let paced: Record<string, number>;
    let small: Record<string, number>;
    let knowledge: Record<string, number>;
    let light: Record<string, number>;
    let bareBefore: Record<string, number>;
    let bareAfter: Record<string, number>;
    let siteGc: ReturnType<typeof gcPauses> | null = null;
    let pacedGc: ReturnType<typeof gcPauses> | null = null;
    let memory: ReturnType<typeof serverMemory> = null;
    try {
      bare = await startChild(['-e', bareServer], {}, /bare server at (http:\/\/\S+)/);
      const on = { bases: [server.url], serverPids: [server.child.pid!] };
      const onBare = { bases: [bare.url], serverPids: [bare.child.pid!], flowId: 'bare' };
      bareBefore = await runLoad({ ...o, ...onBare });
      const counters0 = await serverCounters(server.url);
      site = await runLoad({ ...o, ...on, flowId: 'banking-support' });
      const counters1 = await serverCounters(server.url);
      bareAfter = await runLoad({ ...o, ...onBare });
      if (counters0 && counters1) {
        site.writesPerCommit = writesPerCommit(counters0, counters1);
        site.serverSideWithin25Ms = shareWithin25Ms(counters0, counters1);
        site.classifiedOnThread = shareOnThread(counters0, counters1, 'classified');
        siteGc = gcPauses(counters0, counters1);
      }
      // The same conversations at the target rate instead of as fast as answers come.
      const counters2 = await serverCounters(server.url);
      paced = await runLoad({ ...o, ...on, flowId: 'banking-support', turnsPerSecond: TARGETS.turnsPerSecond });
      const counters3 = await serverCounters(server.url);
      if (counters2 && counters3) {
        paced.serverSideWithin25Ms = shareWithin25Ms(counters2, counters3);
        pacedGc = gcPauses(counters2, counters3);
      }
      small = await runLoad({ ...o, ...on, flowId: 'small' });
      // Messages that mostly end in a knowledge search (answer nodes).
      const counters4 = await serverCounters(server.url);
      knowledge = await runLoad({ ...o, ...on, flowId: 'banking-help' });
      const counters5 = await serverCounters(server.url);
      if (counters4 && counters5) knowledge.searchedOnThread = shareOnThread(counters4, counters5, 'searched');
      // Per-turn latency without a queue in front of it.
      light = await runLoad({ ...o, ...on, flowId: 'banking-support', concurrency: 4, seconds: Math.min(o.seconds, 4) });
      memory = serverMemory(server.child.pid!);
    } finally {
      await Promise.all([server.stop(), bare?.stop()]);
    }
    const bareTurnsPerSecond = (bareBefore.turnsPerSecond! + bareAfter.turnsPerSecond!) / 2;
    const ratioToBareHttp = Math.round((site.turnsPerSecond! / bareTurnsPerSecond) * 1000) / 1000;
    return {
      setup: { flow: 'banking-support (77 intents, 10,039 examples)', database: 'SQLite (WAL, synchronous=NORMAL), every turn committed before the reply', concurrency: o.concurrency, seconds: o.seconds, turnsPerConversation: o.turnsPerConversation, cpus: (await import('node:os')).cpus().length },
      durableTurns: { ...site, ...(siteGc ? { serverGc: siteGc } : {}) },
      durableTurnsAtTargetRate: { ...paced, ...(pacedGc ? { serverGc: pacedGc } : {}) },
      durableTurnsSmallFlow: small,
      durableTurnsKnowledgeFlow: knowledge,
      durableTurnsAt4Concurrent: light,
      bareHttp: { before: bareBefore, after: bareAfter },
      ratioToBareHttp,
      // After every run above, the server having answered all of them.
      serverMemory: memory,
      model: {
        flow: 'banking-support',
        trainingMs,
        loadMs,
        firstStartMs: Math.round(firstStartMs),
        restartMs: Math.round(restartMs),
      },
      targets: TARGETS,
      // Each target against this run. The issue asks for p99 "at 64 concurrent conversations":
      // at the target rate is how a site at 2,000 turns/s would see it; saturated, the latency is
      // mostly the queue of 64 (Little's law), so it also needs well over 2,000 turns/s.
      meetsTargets: {
        turnsPerSecond: site.turnsPerSecond! >= TARGETS.turnsPerSecond,
        p99AtTargetRate: paced.p99Ms! < TARGETS.p99Ms,
        p99Saturated: site.p99Ms! < TARGETS.p99Ms,
        ratioToBareHttp: ratioToBareHttp >= TARGETS.ratioToBareHttp,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) console.log(JSON.stringify(await benchSite(), null, 2));
