// Runs the real server (`server/main.ts`, as `npm start` does) as a child process on a given
// database, so tests can kill it with SIGKILL or run two of them side by side.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '../../shared/index.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export const DEMO_KEY = 'sb_live_test_demo_key_for_child_processes';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: string[];
  /** Resolves with the exit code or signal. */
  exited: Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<string>;
}

/** A flows directory holding these documents (seeded into an empty database on first start). */
export function flowsDir(flows: JsonObject[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-flows-'));
  for (const f of flows) writeFileSync(join(dir, `${String(f.id)}.json`), JSON.stringify(f));
  return dir;
}

export async function startServerProcess(o: { databaseUrl: string; flowsDir: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repo,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: o.databaseUrl,
      FLOWS_DIR: o.flowsDir,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_SITE_KEY: DEMO_KEY,
      ADMIN_PASSWORD,
      EDITOR_DIR: '/nonexistent',
      LOG_LEVEL: 'warn',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Switchboard is running at (http:\/\/\S+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${how}) before starting:\n${output.join('')}`));
    });
  });
  return {
    url,
    child,
    output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
