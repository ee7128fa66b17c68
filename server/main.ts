// `npm start`: read the environment, migrate, bootstrap an empty database (admin, seeded flows,
// demo site key — secrets printed once), then serve. `startServer` is exported for tests.
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { createApp } from './app.ts';
import { bootstrap, type BootstrapReport } from './bootstrap/bootstrap.ts';
import { systemClock } from './clock.ts';
import { loadConfig, type ServerConfig } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openDatabase } from './db/open-database.ts';
import { applyV8Settings } from './v8-settings.ts';
import { loadSiteApiOptions, siteApiOptions, type SiteApiOptions } from './site-api/site-api-options.ts';
import { loadMetricsOptions, type MetricsOptions } from './metrics/metrics-options.ts';

export interface RunningServer {
  app: FastifyInstance;
  /** e.g. `http://localhost:3000` */
  url: string;
  report: BootstrapReport;
  close(): Promise<void>;
}

/** Opens the database, migrates, bootstraps and listens. `print` receives the one-time secrets. */
export async function startServer(
  config: ServerConfig,
  o: { print: (text: string) => void; logger?: FastifyServerOptions['logger']; site?: SiteApiOptions; metrics?: MetricsOptions },
): Promise<RunningServer> {
  const { db, dialect, sqliteFile, postgresUrl, close: closeDb } = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db, dialect);
    const report = await bootstrap(db, { config, clock: systemClock });
    printReport(report, o.print);
    const site: SiteApiOptions = {
      ...(o.site ?? siteApiOptions()),
      demoSiteKey: config.demoSiteKey ?? report.demoKey?.generatedSecret ?? null,
    };
    const app = await createApp({ db, dialect, sqliteFile, postgresUrl, config, logger: o.logger ?? false, site, ...(o.metrics ? { metrics: o.metrics } : {}) });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app,
      url: `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`,
      report,
      close: async () => {
        await app.close();
        await closeDb();
      },
    };
  } catch (error) {
    await closeDb();
    throw error;
  }
}

function printReport(report: BootstrapReport, print: (text: string) => void): void {
  const lines: string[] = [];
  if (report.admin) {
    lines.push(`Created the admin account ${report.admin.email}.`);
    if (report.admin.generatedPassword) lines.push(`  password: ${report.admin.generatedPassword}   (generated; shown only now — set ADMIN_PASSWORD to choose one)`);
  }
  if (report.seed) {
    for (const k of report.seed.knowledge.seeded) lines.push(`Seeded flows/${k.file} as knowledge base "${k.kbId}" v1.`);
    for (const k of report.seed.knowledge.skipped) lines.push(`Skipped flows/${k.file}: ${k.problems.slice(0, 3).join('; ')}`);
    for (const s of report.seed.seeded) lines.push(`Seeded ${s.file} as flow "${s.flowId}" v1, approved by the system and deployed to production.`);
    for (const s of report.seed.skipped) lines.push(`Skipped ${s.file}: ${s.problems.slice(0, 3).join('; ')}`);
  }
  if (report.demoKey?.generatedSecret) {
    lines.push(`Demo site key (site "demo", production): ${report.demoKey.generatedSecret}   (shown only now — set DEMO_SITE_KEY to choose one)`);
  } else if (report.demoKey) {
    lines.push('Registered DEMO_SITE_KEY for the demo site (production).');
  }
  if (lines.length) print(`\n${lines.join('\n')}\n\n`);
}

async function run(): Promise<void> {
  applyV8Settings();
  const loaded = loadConfig(process.env);
  const site = loadSiteApiOptions(process.env);
  const metrics = loadMetricsOptions(process.env);
  if (!loaded.ok || !site.ok || !metrics.ok) {
    const errors = [...(loaded.ok ? [] : loaded.errors), ...(site.ok ? [] : site.errors), ...(metrics.ok ? [] : metrics.errors)];
    process.stderr.write(`Invalid configuration:\n${errors.map((e) => `  ${e}`).join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  const server = await startServer(loaded.config, {
    print: (text) => process.stdout.write(text),
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    site: site.options,
    metrics: metrics.options,
  });
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Before the line below: whoever waits for it may signal at once, and a signal that arrives
  // with no handler yet kills the process on the spot, losing log lines still being written.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`Switchboard is running at ${server.url} (chat widget demo: ${server.url}/demo)\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
