// Builds the browser editor into dist/editor when it is missing or older than its sources
// (editor/, shared/, runtime/, vite.config.ts). Used by `npm start` (prestart) on a fresh clone and
// by the browser tests' global setup. `--force` always builds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** True when dist/editor is missing or older than any of its sources. */
export function editorIsStale(root = process.cwd()): boolean {
  const built = resolve(root, 'dist/editor/index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(...['editor', 'shared', 'runtime'].map((d) => newest(resolve(root, d))), statSync(resolve(root, 'vite.config.ts')).mtimeMs);
  return sources > statSync(built).mtimeMs;
}

/** Runs `vite build` (outside Vitest: the config sets the editor root only when VITEST is unset). Returns whether it built. */
export function buildEditor(o: { force?: boolean; root?: string } = {}): boolean {
  const root = o.root ?? process.cwd();
  if (!o.force && !editorIsStale(root)) return false;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build (bigger,
  // slower, jsx-dev-runtime): the tests and the benchmark must drive what users get.
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), NODE_ENV: 'production' };
  execFileSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit', env, cwd: root });
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const built = buildEditor({ force: process.argv.includes('--force') });
  process.stdout.write(built ? 'Built the editor into dist/editor.\n' : 'The editor in dist/editor is up to date.\n');
}
