// Site runtime on PostgreSQL: the same durable banking turns as bench/site.ts, with the servers on
// one PostgreSQL database (a schema of its own, dropped afterwards), first one server process,
// then two behind a sticky balancer (each conversation talks to one of them, as site-load.ts
// spreads them). Both processes and PostgreSQL share this machine's cores with the load
// generator, so two processes cannot show scale-out here: the figures to read are the CPU each
// turn costs (servers' main threads, all server threads, PostgreSQL's processes) and what a
// second process costs. Skipped when no PostgreSQL answers.
// URL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test.
// Run alone with `npx tsx bench/site-postgres.ts`.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { isMain } from './measure.ts';
import { benchServerEnv, serverCounters, startBenchServer, writesPerCommit, type Server } from './site.ts';
import { runLoad, type LoadOptions } from './site-load.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));

export async function benchSitePostgres(options: Partial<Omit<LoadOptions, 'turnsPerSecond'>> = {}): Promise<Record<string, unknown>> {
  const o: LoadOptions = { concurrency: 64, seconds: 8, warmupSeconds: 2, turnsPerConversation: 8, ...options };
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (error) {
    return { skipped: `no PostgreSQL at ${base}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const schema = `sb_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-pg-'));
  const servers: Server[] = [];
  try {
    await admin.query(`create schema "${schema}"`);
    const url = new URL(base);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const flows = join(dir, 'flows');
    mkdirSync(flows);
    copyFileSync(join(repo, 'flows/banking-support.json'), join(flows, 'banking-support.json'));
    const env = benchServerEnv(url.toString(), flows, 'warn');
    // One at a time: the first migrates, seeds and trains; the second finds it all done.
    servers.push(await startBenchServer(env));
    servers.push(await startBenchServer(env));
    const on = (n: number) => ({ ...o, flowId: 'banking-support', bases: servers.slice(0, n).map((s) => s.url), serverPids: servers.slice(0, n).map((s) => s.child.pid!), databaseProcess: 'postgres' });
    // Both processes' code warm (optimised) before either is measured: the second one has only
    // idled so far, and a measured run that compiles its hot paths measures the compiler too.
    await runLoad({ ...on(2), seconds: 4 });
    const counters0 = await serverCounters(servers[0]!.url);
    const oneProcess = await runLoad(on(1));
    const counters1 = await serverCounters(servers[0]!.url);
    if (counters0 && counters1) oneProcess.writesPerCommit = writesPerCommit(counters0, counters1);
    const twoProcesses = await runLoad(on(2));
    const { rows } = await admin.query<{ server_version: string }>('show server_version');
    return {
      setup: { database: `PostgreSQL ${rows[0]?.server_version} on this machine, every turn committed before the reply`, flow: 'banking-support', concurrency: o.concurrency, seconds: o.seconds, cpus: (await import('node:os')).cpus().length },
      oneProcess,
      twoProcesses,
      twoToOne: Math.round((twoProcesses.turnsPerSecond! / oneProcess.turnsPerSecond!) * 100) / 100,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await admin.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) console.log(JSON.stringify(await benchSitePostgres(), null, 2));
