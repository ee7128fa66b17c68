// The chat widget's script, served at /widget.js: the Vite build in WIDGET_DIR
// (`npm run build:widget` → dist/widget/widget.js), or — when it has not been built, or its
// sources in widget/ are newer (a development checkout), and Vite is installed — built in memory
// from widget/ on first request.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type WidgetBundle = { ok: true; code: string; source: 'file' | 'built' } | { ok: false; message: string };

const sourceDir = fileURLToPath(new URL('../../../widget/', import.meta.url));
const configFile = join(sourceDir, 'vite.config.ts');

/** Newest modification time of the widget's sources, or 0 when they are not there (an installed build). */
async function sourcesModified(): Promise<number> {
  try {
    const files = (await readdir(sourceDir)).filter((f) => f.endsWith('.ts'));
    return Math.max(0, ...(await Promise.all(files.map(async (f) => (await stat(join(sourceDir, f))).mtimeMs))));
  } catch {
    return 0;
  }
}

/** Loads the bundle once per process (a failed load is retried on the next request). */
export function widgetBundleLoader(dir: string): () => Promise<WidgetBundle> {
  let pending: Promise<WidgetBundle> | null = null;
  return () => {
    pending ??= load(dir).then((bundle) => {
      if (!bundle.ok) pending = null;
      return bundle;
    });
    return pending;
  };
}

async function load(dir: string): Promise<WidgetBundle> {
  const file = join(dir, 'widget.js');
  let built: string | null = null;
  try {
    const modified = (await stat(file)).mtimeMs;
    built = await readFile(file, 'utf8');
    if (modified >= (await sourcesModified())) return { ok: true, code: built, source: 'file' };
  } catch {
    // Not built: build in memory below.
  }
  try {
    const vite = await import('vite');
    const result = await vite.build({ configFile, logLevel: 'silent', build: { write: false } });
    for (const out of Array.isArray(result) ? result : [result]) {
      if (!('output' in out)) continue;
      const chunk = out.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return { ok: true, code: chunk.code, source: 'built' };
    }
    throw new Error('the build produced no script');
  } catch (error) {
    // Without Vite (a production install), an older build beats none.
    if (built !== null) return { ok: true, code: built, source: 'file' };
    return { ok: false, message: `the widget is not built (${file} is missing) and could not be built: ${error instanceof Error ? error.message : String(error)}` };
  }
}
