// `npm run bench [section…]`: every benchmark in one process, one JSON document on stdout. Each
// section reports its figures with ratios against a baseline measured in the same run, and its
// targets (see docs/benchmarks.md). Sections load lazily so one can run alone.
export {}; // a module, so top-level await is allowed

type Bench = () => Promise<Record<string, unknown>>;

const sections: Record<string, () => Promise<Bench>> = {
  logic: async () => (await import('./logic.ts')).benchLogic,
  engine: async () => (await import('./engine.ts')).benchEngine,
  turn: async () => (await import('./turn.ts')).benchTurn,
  nlu: async () => (await import('./nlu.ts')).benchNlu,
  server: async () => (await import('./server.ts')).benchServer,
  knowledge: async () => (await import('./knowledge.ts')).benchKnowledge,
  replay: async () => (await import('./replay.ts')).benchReplay,
  dashboard: async () => (await import('./dashboard.ts')).benchDashboard,
  editor: async () => (await import('./editor.ts')).benchEditor,
  site: async () => (await import('./site.ts')).benchSite,
  'site-postgres': async () => (await import('./site-postgres.ts')).benchSitePostgres,
};

const only = process.argv.slice(2);
const unknown = only.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`unknown section(s): ${unknown.join(', ')}; sections: ${Object.keys(sections).join(', ')}`);
  process.exit(2);
}
const report: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };
for (const [name, load] of Object.entries(sections)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  report[name] = await (await load())();
}
console.log(JSON.stringify(report, null, 2));
