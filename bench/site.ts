// Site runtime benchmark: durable turns through the real HTTP API. The server runs as its own
// process (`server/main.ts`, SQLite, banking-support with its 10k-example intent model); a
// bounded load of concurrent conversations on 127.0.0.1 measures turns/s and latency, and the
// same client against a bare node:http server returning a fixed JSON body gives the ratio.
// Model figures come from the server's own start-up logs: training on first start, loading after.
// Targets (issue 5): ≥ 2,000 turns/s, p99 < 25 ms at 64 concurrent conversations, ≥ 25% of bare HTTP.
// Run alone with `npx tsx bench/site.ts`.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain, percentile } from './measure.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const KEY = 'sb_live_benchmark_site_key_0123456789';
/** Messages banking-support answers without escalating, so conversations keep going (bench/turn.ts uses them too). */
export const TEXTS = [
  'how do I activate my new card',
  'what is the exchange rate for euros',
  'can I use apple pay',
  'how do I top up my account',
  'what are the fees for atm withdrawals',
  'how old do I need to be to open an account',
  'can I change my PIN',
  'thanks',
];

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

export interface SiteBenchOptions {
  /** Concurrent conversations (one request in flight each). Default 64. */
  concurrency?: number;
  /** Measured seconds. Default 10. */
  seconds?: number;
  /** Unmeasured warm-up seconds. Default 2. */
  warmupSeconds?: number;
  /** Messages per conversation before a worker starts a new one. Default 8. */
  turnsPerConversation?: number;
}

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
              child.once('exit', () => done());
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

/** One JSON POST on a keep-alive agent; resolves with status and body. */
function post(agent: Agent, url: URL, path: string, body: unknown): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path, method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. The
 * server's CPU per turn does not depend on what else the machine runs, unlike turns/s. `main`:
 * its main thread alone (the JavaScript of every request; the SQLite writer thread is the rest).
 */
function cpuSeconds(pid: number | undefined, thread: 'all' | 'main' = 'all'): number | null {
  try {
    const fields = readFileSync(thread === 'main' ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return null;
  }
}

/**
 * Drives `concurrency` conversations of `flowId` for `seconds`; latencies of message turns only.
 * With `serverPid`, also the server's CPU milliseconds per request (turns and starts).
 */
export async function load(base: string, flowId: string, o: Required<SiteBenchOptions>, serverPid?: number): Promise<Record<string, number>> {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const latencies: number[] = [];
  let measuring = false;
  let stop = false;
  let errors = 0;
  let started = 0;
  const worker = async (w: number) => {
    while (!stop) {
      const conv = await post(agent, url, '/api/v1/conversations', { flowId, customer: { firstName: 'Bench' } });
      if (conv.status !== 201) {
        errors++;
        continue;
      }
      if (measuring) started++;
      const id = (JSON.parse(conv.body) as { conversationId: string }).conversationId;
      for (let i = 0; i < o.turnsPerConversation && !stop; i++) {
        const t0 = performance.now();
        const r = await post(agent, url, `/api/v1/conversations/${id}/messages`, { text: TEXTS[(w + i) % TEXTS.length], idempotencyKey: `${w}-${i}-${t0}` });
        const ms = performance.now() - t0;
        if (r.status !== 200) errors++;
        else if (measuring) latencies.push(ms);
      }
    }
  };
  const workers = Array.from({ length: o.concurrency }, (_, w) => worker(w));
  await new Promise((r) => setTimeout(r, o.warmupSeconds * 1000));
  measuring = true;
  const cpu0 = cpuSeconds(serverPid);
  const main0 = cpuSeconds(serverPid, 'main');
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, o.seconds * 1000));
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(serverPid);
  const main1 = cpuSeconds(serverPid, 'main');
  const client = process.cpuUsage(client0);
  stop = true;
  await Promise.all(workers);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    turnsPerSecond: Math.round(sorted.length / elapsed),
    conversationsPerSecond: Math.round(started / elapsed),
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    turns: sorted.length,
    errors,
    ...(cpu0 !== null && cpu1 !== null ? { serverCpuMsPerRequest: Math.round(((cpu1 - cpu0) * 1e6) / (sorted.length + started)) / 1000 } : {}),
    ...(main0 !== null && main1 !== null ? { serverMainThreadCpuMsPerRequest: Math.round(((main1 - main0) * 1e6) / (sorted.length + started)) / 1000 } : {}),
    clientCpuMsPerRequest: Math.round((client.user + client.system) / (sorted.length + started)) / 1000,
  };
}

/** Writes and transactions so far, from the server's /metrics (SQLite group commit); null when metrics are off. */
async function commitGroups(base: string): Promise<{ writes: number; transactions: number } | null> {
  const res = await fetch(`${base}/metrics`).catch(() => null);
  if (!res?.ok) return null;
  const text = await res.text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { writes: value('switchboard_commit_group_writes_sum'), transactions: value('switchboard_commit_group_writes_count') };
}

/** The largest number a pattern captures in a log (the banking model dwarfs the small one). */
const ms = (log: string[], pattern: RegExp) => {
  const values = [...log.join('').matchAll(new RegExp(pattern.source, 'g'))].map((m) => Number(m[1]));
  return values.length ? Math.max(...values) : null;
};

export async function benchSite(options: SiteBenchOptions = {}): Promise<Record<string, unknown>> {
  const o: Required<SiteBenchOptions> = { concurrency: 64, seconds: 8, warmupSeconds: 2, turnsPerConversation: 8, ...options };
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-site-'));
  const flows = join(dir, 'flows');
  mkdirSync(flows);
  copyFileSync(join(repo, 'flows/banking-support.json'), join(flows, 'banking-support.json'));
  writeFileSync(join(flows, 'small.json'), JSON.stringify(smallFlow()));
  const env = {
    DATABASE_URL: join(dir, 'bench.db'),
    FLOWS_DIR: flows,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_SITE_KEY: KEY,
    ADMIN_PASSWORD: 'correct horse battery staple',
    EDITOR_DIR: '/nonexistent',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    SITE_CONVERSATION_RATE_PER_MINUTE: '100000',
  };
  const ready = /Switchboard is running at (http:\/\/\S+)/;
  try {
    // First start: seeds banking-support and trains its model once, storing it.
    const t0 = performance.now();
    const first = await startChild(['--import', 'tsx', 'server/main.ts'], env, ready);
    const firstStartMs = performance.now() - t0;
    await first.stop();
    const trainingMs = ms(first.log, /trained and stored en model \((\d+) ms\)/);

    // Second start: the model is loaded from the database (info level, for the compile report).
    const t1 = performance.now();
    const second = await startChild(['--import', 'tsx', 'server/main.ts'], env, ready);
    const restartMs = performance.now() - t1;
    await second.stop();
    const loadMs = ms(second.log, /loaded en model \((\d+) ms\)/);

    // Under load, without per-request logging.
    const server = await startChild(['--import', 'tsx', 'server/main.ts'], { ...env, LOG_LEVEL: 'warn' }, ready);
    let site: Record<string, number>;
    let small: Record<string, number>;
    let light: Record<string, number>;
    try {
      const pid = server.child.pid;
      const groups0 = await commitGroups(server.url);
      site = await load(server.url, 'banking-support', o, pid);
      const groups1 = await commitGroups(server.url);
      if (groups0 && groups1) site.writesPerCommit = Math.round(((groups1.writes - groups0.writes) / (groups1.transactions - groups0.transactions)) * 10) / 10;
      small = await load(server.url, 'small', o, pid);
      // Per-turn latency without a queue in front of it.
      light = await load(server.url, 'banking-support', { ...o, concurrency: 4, seconds: Math.min(o.seconds, 4) }, pid);
    } finally {
      await server.stop();
    }
    const bare = await startChild(['-e', bareServer], {}, /bare server at (http:\/\/\S+)/);
    let baseline: Record<string, number>;
    try {
      baseline = await load(bare.url, 'bare', o, bare.child.pid);
    } finally {
      await bare.stop();
    }
    return {
      setup: { flow: 'banking-support (77 intents, 10,039 examples)', database: 'SQLite (WAL, synchronous=NORMAL), every turn committed before the reply', concurrency: o.concurrency, seconds: o.seconds, turnsPerConversation: o.turnsPerConversation, cpus: (await import('node:os')).cpus().length },
      durableTurns: site,
      durableTurnsSmallFlow: small,
      durableTurnsAt4Concurrent: light,
      bareHttp: baseline,
      ratioToBareHttp: Math.round((site.turnsPerSecond! / baseline.turnsPerSecond!) * 1000) / 1000,
      model: {
        flow: 'banking-support',
        trainingMs,
        loadMs,
        firstStartMs: Math.round(firstStartMs),
        restartMs: Math.round(restartMs),
      },
      targets: { turnsPerSecond: 2000, p99Ms: 25, ratioToBareHttp: 0.25 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) console.log(JSON.stringify(await benchSite(), null, 2));
