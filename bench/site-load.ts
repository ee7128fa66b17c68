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
import { readFileSync } from 'node:fs';
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
  base: string;
  flowId: string;
  /** The server's process id, for its CPU time per request (Linux /proc). */
  serverPid?: number;
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
export async function load(o: LoadInput): Promise<Record<string, number>> {
  const url = new URL(o.base);
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
  const cpu0 = cpuSeconds(o.serverPid);
  const main0 = cpuSeconds(o.serverPid, 'main');
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(o.seconds * 1000);
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(o.serverPid);
  const main1 = cpuSeconds(o.serverPid, 'main');
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
