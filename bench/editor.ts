// Editor figures (issue 6): initial JavaScript without Monaco (gzipped), how long a 500-node flow
// takes to open and become interactive in headless Chromium, and frame times while dragging a
// node on it. Runs the built editor against the real server, like the browser tests.
// `npx tsx bench/editor.ts` prints the JSON; bench/run.ts can load it as the `editor` section.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { JsonObject } from '../shared/index.ts';
import { buildEditor } from '../scripts/build-editor.ts';
import { openBrowser, signIn } from '../test/browser/browser.ts';
import { startStudio } from '../test/browser/studio-harness.ts';

/** Targets from issue 6. */
export const editorTargets = { initialJsGzipKb: 500, openLargeFlowMs: 1500 };

/** Gzipped and raw size of built files (paths relative to dist/editor). */
function gzipOf(files: readonly string[], dir = resolve('dist/editor')): { gzipBytes: number; rawBytes: number } {
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of new Set(files)) {
    const bytes = readFileSync(resolve(dir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { gzipBytes, rawBytes };
}

/** The JavaScript index.html loads before anything is lazy: its entry script and modulepreloads. */
export function initialJavaScript(dir = resolve('dist/editor')): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = readFileSync(resolve(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return { files, ...gzipOf(files, dir) };
}

/** A valid flow of about `size` nodes: a router with 20 intents, each leading down a chain of steps. */
export function largeFlow(size = 500): JsonObject {
  const intents = Array.from({ length: 20 }, (_, i) => ({ name: `topic_${i}`, examples: [`question about topic ${i}`, `help with topic ${i}`, `topic ${i} please`, `I need topic ${i}`, `tell me about topic ${i}`] }));
  const nodes: JsonObject[] = [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'welcome', type: 'message', position: { x: 320, y: 0 }, data: { text: 'Hello! What can I help you with?' } },
    { id: 'router', type: 'intent', position: { x: 640, y: 0 }, data: { intents: intents.map((i) => i.name) } },
  ];
  const edges: JsonObject[] = [
    { id: 'e_start', source: 'start', sourceHandle: 'next', target: 'welcome' },
    { id: 'e_welcome', source: 'welcome', sourceHandle: 'next', target: 'router' },
  ];
  const base = nodes.length;
  intents.forEach((intent, c) => {
    const perChain = Math.floor((size - base) / intents.length) + (c < (size - base) % intents.length ? 1 : 0);
    let previous = { id: 'router', port: intent.name };
    for (let k = 0; k < perChain; k++) {
      const id = `n_${c}_${k}`;
      const last = k === perChain - 1;
      const kind = last ? 'end' : k % 3 === 1 ? 'set' : 'message';
      const data: JsonObject = kind === 'end' ? { outcome: 'resolved' } : kind === 'set' ? { assignments: [{ variable: `step_${c}`, value: k }] } : { text: `Step ${k + 1} about ${intent.name}: here is what you need to know.` };
      nodes.push({ id, type: kind, position: { x: 1000 + k * 300, y: c * 160 }, data });
      edges.push({ id: `e_${previous.id}_${previous.port}`, source: previous.id, sourceHandle: previous.port, target: id });
      previous = { id, port: 'next' };
    }
  });
  return { schemaVersion: 1, id: 'large-flow', name: 'Large flow (benchmark)', locale: 'en', intents, nodes, edges };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchEditor(): Promise<Record<string, unknown>> {
  buildEditor();
  const initial = initialJavaScript();
  const flow = largeFlow(500);
  const studio = await startStudio({ flows: [flow] });
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page, studio.url, studio.accounts.admin.email, studio.accounts.admin.password);
    const visible: number[] = [];
    const interactive: number[] = [];
    const pageInteractive: number[] = [];
    let marks: unknown = null;
    let studioJs = { gzipBytes: 0, rawBytes: 0 };
    for (let run = 0; run < 3; run++) {
      await page.goto(`${studio.url}/#/flows`);
      await page.getByRole('link', { name: 'Large flow (benchmark)' }).waitFor();
      const t0 = Date.now();
      await page.goto(`${studio.url}/#/flows/large-flow`);
      await page.reload();
      await page.locator('[data-testid="node-router"]').waitFor();
      visible.push(Date.now() - t0);
      await page.locator('[data-testid="node-router"]').click();
      await page.getByRole('complementary', { name: 'Inspector' }).getByText('Routed intents (20)').waitFor();
      interactive.push(Date.now() - t0);
      pageInteractive.push(Math.round((await page.evaluate(`performance.getEntriesByName('sb:interactive')[0]?.startTime ?? -1`)) as number));
      if (run === 2) {
        const loaded = (await page.evaluate(`performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.js'))`)) as string[];
        studioJs = gzipOf(loaded.map((p) => p.replace(/^\//, '')));
      }
      if (run === 2) marks = await page.evaluate(`Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('sb:')).map((m) => [m.name, Math.round(m.startTime)]))`);
    }
    // Drag the router across the canvas and record the frame intervals while it moves.
    // A string, not a function: tsx would wrap a function's inner helpers in its own __name().
    await page.evaluate(`(() => {
      window.frames_ = [];
      let last = performance.now();
      const tick = (t) => { window.frames_.push(t - last); last = t; if (window.frames_.length < 400) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const box = (await page.locator('[data-testid="node-router"]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 12);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) await page.mouse.move(box.x + box.width / 2 + i * 5, box.y + 12 + i * 2);
    await page.mouse.up();
    const frames = ((await page.evaluate('window.frames_')) as number[]).slice(2);
    const sorted = [...frames].sort((a, b) => a - b);
    return {
      initialJsGzipKb: Math.round(initial.gzipBytes / 102.4) / 10,
      initialJsRawKb: Math.round(initial.rawBytes / 102.4) / 10,
      initialJsFiles: initial.files,
      studioJsGzipKb: Math.round(studioJs.gzipBytes / 102.4) / 10,
      openLargeFlowMarks: marks,
      largeFlowNodes: (flow.nodes as unknown[]).length,
      // From the reload's navigation start to the canvas having measured its nodes, timed by the page itself.
      openLargeFlowMs: median(pageInteractive),
      // Wall clock seen by the test driver (includes Playwright's polling): first node visible, first click answered.
      openLargeFlowFirstNodeWallMs: median(visible),
      openLargeFlowClickAnsweredWallMs: median(interactive),
      dragFrameP50Ms: Math.round(sorted[Math.floor(sorted.length * 0.5)]! * 10) / 10,
      dragFrameP95Ms: Math.round(sorted[Math.floor(sorted.length * 0.95)]! * 10) / 10,
      targets: editorTargets,
      meetsTargets: initial.gzipBytes / 1024 < editorTargets.initialJsGzipKb && median(pageInteractive) < editorTargets.openLargeFlowMs,
    };
  } finally {
    await browser.close();
    await studio.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchEditor(), null, 2));
}
