// The site benchmark's load generator: concurrent conversations through the site API on loopback,
// each with one message in flight, as a customer's chat has. bench/site.ts runs it in a process of
// its own (`runLoad`), so the client's heap and garbage collections are its own and not those of
// whatever else the benchmark process has run (`npm run bench` runs every section in one process).
//
// Two ways to drive it:
// - saturating (no `turnsPerSecond`): each conversation sends its next message as soon as the last
//   is answered, so latency is mostly the queue in front of the server (64 ÷ throughput);
// - paced (`turnsPerSecond`): the conversations together send that many messages a second, each
//   on a schedule; latency runs from the moment a message was due, so a server that falls behind
//   is charged for the wait too (no coordinated omission).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { isMain, percentile } from './measure.ts';

export const KEY = 'sb_live_benchmark_site_key_0123456789';
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

export interface LoadOptions {
  /** Concurrent conversations (one request in flight each). */
  concurrency: number;
  /** Measured seconds. */
  seconds: number;
  /** Unmeasured warm-up seconds. */
  warmupSeconds: number;
  /** Messages per conversation before a worker starts a new one. */
  turnsPerConversation: number;
  /** Paced: messages a second across all conversations. Absent: as fast as answers come. */
  turnsPerSecond?: number;
}

export interface LoadInput extends LoadOptions {
  /** The servers' URLs: conversation w talks to `bases[w % bases.length]`, as behind a sticky load balancer. */
  bases: string[];
  flowId: string;
  /** The servers' process ids, for their CPU time per request (Linux /proc). */
  serverPids?: number[];
  /** The database server's process name (`postgres`): its processes' CPU time per request too. */
  databaseProcess?: string;
}

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
 * CPU seconds (user + system) processes have used so far, from /proc (Linux); null elsewhere. The
 * server's CPU per turn does not depend on what else the machine runs, unlike turns/s. `main`:
 * their main threads alone (the JavaScript of every request; the SQLite writer thread is the rest).
 */
function cpuSeconds(pids: number[] | undefined, thread: 'all' | 'main' = 'all'): number | null {
  if (!pids?.length) return null;
  try {
    let ticks = 0;
    for (const pid of pids) {
      const fields = readFileSync(thread === 'main' ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime in clock ticks (USER_HZ 100)
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

/** The ids of the processes called `name` (Linux /proc), e.g. a database server's backends. */
function processesNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** CPU seconds of each process still running. */
function cpuByProcess(pids: number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    const s = cpuSeconds([pid]);
    if (s !== null) seconds.set(pid, s);
  }
  return seconds;
}

/**
 * CPU seconds used between two readings by the processes in both: the database server's pooled
 * backends run throughout; a short-lived one (an autovacuum worker) is left out.
 */
function sumDeltas(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, s] of after) sum += s - (before.get(pid) ?? s);
  return sum;
}

/**
 * Drives `concurrency` conversations of `flowId` for `seconds`; latencies of message turns only.
 * With `serverPids`, also the servers' CPU milliseconds per request (turns and starts).
 */
export async function load(o: LoadInput): Promise<Record<string, number>> {
  const urls = o.bases.map((base) => new URL(base));
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const latencies: number[] = [];
  let measuring = false;
  let stop = false;
  let errors = 0;
  let started = 0;
  // Paced: conversation w's messages are due every `interval` ms, the conversations' schedules
  // spread evenly over one interval.
  const interval = o.turnsPerSecond ? (o.concurrency * 1000) / o.turnsPerSecond : 0;
  const worker = async (w: number) => {
    const url = urls[w % urls.length]!;
    let due = performance.now() + (interval * w) / o.concurrency;
    while (!stop) {
      const conv = await post(agent, url, '/api/v1/conversations', { flowId: o.flowId, customer: { firstName: 'Bench' } });
      if (conv.status !== 201) {
        errors++;
        continue;
      }
      if (measuring) started++;
      const id = (JSON.parse(conv.body) as { conversationId: string }).conversationId;
      for (let i = 0; i < o.turnsPerConversation && !stop; i++) {
        // A message due while the server was still answering the last one is charged from when it
        // was due; one sent late because this process's timer fired late, from when it was sent.
        const late = interval > 0 && performance.now() > due;
        if (interval) await sleep(Math.max(0, due - performance.now()));
        const sent = performance.now();
        const from = late ? due : sent;
        const r = await post(agent, url, `/api/v1/conversations/${id}/messages`, { text: TEXTS[(w + i) % TEXTS.length], idempotencyKey: `${w}-${i}-${sent}` });
        const ms = performance.now() - from;
        due += interval;
        if (r.status !== 200) errors++;
        else if (measuring) latencies.push(ms);
      }
    }
  };
  const workers = Array.from({ length: o.concurrency }, (_, w) => worker(w));
  await sleep(o.warmupSeconds * 1000);
  measuring = true;
  const cpu0 = cpuSeconds(o.serverPids);
  const main0 = cpuSeconds(o.serverPids, 'main');
  const db0 = o.databaseProcess ? cpuByProcess(processesNamed(o.databaseProcess)) : null;
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(o.seconds * 1000);
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(o.serverPids);
  const main1 = cpuSeconds(o.serverPids, 'main');
  const db1 = db0 && cpuByProcess([...db0.keys()]);
  const client = process.cpuUsage(client0);
  stop = true;
  await Promise.all(workers);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const requests = sorted.length + started;
  return {
    ...(o.turnsPerSecond ? { targetTurnsPerSecond: o.turnsPerSecond } : {}),
    turnsPerSecond: Math.round(sorted.length / elapsed),
    conversationsPerSecond: Math.round(started / elapsed),
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    turns: sorted.length,
    errors,
    ...(cpu0 !== null && cpu1 !== null ? { serverCpuMsPerRequest: Math.round(((cpu1 - cpu0) * 1e6) / requests) / 1000 } : {}),
    ...(main0 !== null && main1 !== null ? { serverMainThreadCpuMsPerRequest: Math.round(((main1 - main0) * 1e6) / requests) / 1000 } : {}),
    ...(db0 && db1 ? { databaseCpuMsPerRequest: Math.round((sumDeltas(db0, db1) * 1e6) / requests) / 1000 } : {}),
    clientCpuMsPerRequest: Math.round((client.user + client.system) / requests) / 1000,
  };
}

/** Runs `load` in a new Node process (this file as its entry point) and returns its figures. */
export function runLoad(input: LoadInput): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(input)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(`the load generator exited with ${code}`))));
  });
}

if (isMain(import.meta.url)) console.log(JSON.stringify(await load(JSON.parse(process.argv[2]!) as LoadInput)));
