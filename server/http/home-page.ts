// The page at `/` until the editor is built (issue 6): what is running, which flows exist and
// what is deployed where. Flow names and version numbers only — no content.
import type { FlowSummary } from '../../shared/index.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function homePage(flows: FlowSummary[]): string {
  const live = (d: FlowSummary['deployments'][keyof FlowSummary['deployments']]) => (d ? `v${d.number}` : '—');
  const rows = flows
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.name)}</td><td><code>${escapeHtml(f.id)}</code></td><td>${f.latestVersion ? `v${f.latestVersion.number}` : '—'}</td><td>${live(f.deployments.staging)}</td><td>${live(f.deployments.production)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchboard</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; color: #1a1a1a; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }
  code { background: #f3f3f3; padding: 0 .25rem; border-radius: 3px; }
</style>
</head>
<body>
<h1>Switchboard</h1>
<p>The studio API is running at <code>/trpc</code> (health: <a href="/healthz"><code>/healthz</code></a>).
The browser editor is not built yet; build it into <code>dist/editor</code> and it is served here.</p>
<h2>Flows</h2>
${flows.length ? `<table><thead><tr><th>Name</th><th>Id</th><th>Latest</th><th>Staging</th><th>Production</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : '<p>No flows yet.</p>'}
</body>
</html>
`;
}
