// Studio server benchmark on SQLite: commit, diff and deploy of a 500-node flow and listing 1,000
// versions, each timed through the tRPC caller (auth, CSRF and input validation included).
// Targets (issue 4): each under 50 ms. Run alone with `npx tsx bench/server.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { systemActor } from '../server/actor.ts';
import { createUser } from '../server/accounts/users.ts';
import type { CookieJar } from '../server/auth/cookies.ts';
import { defaultConfig } from '../server/config.ts';
import { canonicalJson } from '../server/crypto/canonical-json.ts';
import { sha256Hex } from '../server/crypto/digest.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { appRouter } from '../server/trpc/app-router.ts';
import { createContext, type AppDeps } from '../server/trpc/context.ts';
import { createCallerFactory } from '../server/trpc/trpc.ts';
import type { JsonObject } from '../shared/index.ts';

const TARGET_MS = 50;
const RUNS = 25;

/** A valid flow with `size` nodes: start → intent router → five branches of message/set/condition chains, each with a handoff and an end. */
export function largeFlow(size = 500, variant = 0): JsonObject {
  const branches = 5;
  // Each branch: its chain, a handoff and an end; the remainder spread over the first branches.
  const chainLength = (b: number) => Math.floor((size - 2) / branches) - 2 + (b < (size - 2) % branches ? 1 : 0);
  const intents = Array.from({ length: branches }, (_, b) => ({ name: `topic_${b}`, examples: [`question about topic ${b}`, `help with ${b}`, `topic ${b} please`] }));
  const nodes: JsonObject[] = [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'route', type: 'intent', position: { x: 0, y: 100 }, data: { prompt: 'What can I help with?', intents: intents.map((i) => i.name) } },
  ];
  const edges: JsonObject[] = [{ id: 'e-start', source: 'start', target: 'route' }];
  for (let b = 0; b < branches; b++) {
    const handoff = `b${b}-handoff`;
    const end = `b${b}-end`;
    let previous = { id: 'route', port: `topic_${b}` };
    const chain = chainLength(b);
    for (let i = 0; i < chain; i++) {
      const id = `b${b}-n${i}`;
      const position = { x: b * 400, y: 200 + i * 120 };
      const kind = i % 3;
      if (kind === 0) nodes.push({ id, type: 'message', position, data: { text: `Branch ${b} step ${i}${variant && i === 0 ? ` (edit ${variant})` : ''}` } });
      else if (kind === 1) nodes.push({ id, type: 'set', position, data: { assignments: [{ variable: 'counter', value: { '+': [{ var: 'vars.counter' }, 1] } }] } });
      else nodes.push({ id, type: 'condition', position, data: { mode: 'if', when: { '>': [{ var: 'vars.counter' }, 1000 + i] } } });
      edges.push({ id: `e-${previous.id}-${previous.port}`, source: previous.id, sourceHandle: previous.port, target: id });
      if (kind === 2) {
        edges.push({ id: `e-${id}-true`, source: id, sourceHandle: 'true', target: handoff });
        previous = { id, port: 'false' };
      } else {
        previous = { id, port: 'next' };
      }
    }
    edges.push({ id: `e-${previous.id}-${previous.port}`, source: previous.id, sourceHandle: previous.port, target: end });
    nodes.push({ id: handoff, type: 'handoff', position: { x: b * 400 + 200, y: 200 }, data: { queue: `queue_${b}`, priority: 'high', reason: 'too_many_steps' } });
    nodes.push({ id: end, type: 'end', position: { x: b * 400, y: 200 + chain * 120 }, data: {} });
  }
  edges.push({ id: 'e-route-low', source: 'route', sourceHandle: 'low_confidence', target: 'b0-handoff' });
  return {
    schemaVersion: 1,
    id: 'large',
    name: 'Large flow',
    variables: [{ name: 'counter', type: 'number', default: 0 }],
    intents,
    escalation: {
      rules: [
        { id: 'angry', name: 'Angry customer', when: { in: ['angry', { var: 'message.text' }] }, priority: 'high', queue: 'care', reason: 'sentiment' },
        { id: 'vip', name: 'VIP', when: { '==': [{ var: 'customer.tier' }, 'vip'] }, priority: 'normal', queue: 'vip', reason: 'vip' },
      ],
    },
    nodes,
    edges,
  };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted[sorted.length - 1]!), runs: samples.length, targetMs: TARGET_MS, meetsTarget: at(0.95) < TARGET_MS };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Runs the benchmark on a temporary SQLite file and returns the figures. */
export async function benchServer(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const { db, dialect, close } = openDatabase(join(dir, 'bench.db'));
  try {
    await migrateToLatest(db, dialect);
    const deps: AppDeps = { db, dialect, config: { ...defaultConfig, scryptCost: 2 ** 10 }, clock: { now: () => new Date() } };
    const password = 'benchmark password';
    for (const [email, roles] of [
      ['designer@bench.test', ['designer'] as const],
      ['reviewer@bench.test', ['reviewer'] as const],
    ] as const) {
      await createUser(db, { email, name: email, password, roles: [...roles], actor: systemActor, now: new Date(), scryptCost: deps.config.scryptCost });
    }
    const callerFor = async (email: string) => {
      const cookies = new Map<string, string>();
      const jar: CookieJar = { set: (n, v) => void cookies.set(n, v), clear: (n) => void cookies.delete(n) };
      const meta = () => ({ ip: '127.0.0.1', host: 'bench', origin: undefined, csrfHeader: cookies.get('sb_csrf') ?? 'bench', cookies: Object.fromEntries(cookies) });
      const api = createCallerFactory(appRouter)(() => createContext(deps, meta(), jar));
      await api.auth.login({ email, password });
      return api;
    };
    const designer = await callerFor('designer@bench.test');
    const reviewer = await callerFor('reviewer@bench.test');

    // Commit: a fresh one-line edit of the 500-node draft, then commit (timed).
    let revision = (await designer.flows.import({ document: largeFlow(500, 0) })).revision;
    const nodeCount = (largeFlow(500, 0).nodes as unknown[]).length;
    const commitTimes: number[] = [];
    const versionIds: Array<{ id: string; contentHash: string }> = [];
    for (let i = 0; i <= RUNS; i++) {
      if (i > 0) revision = (await designer.flows.saveDraft({ flowId: 'large', baseRevision: revision, document: largeFlow(500, i) })).revision;
      let version: { id: string; contentHash: string } | undefined;
      const ms = await time(async () => (version = await designer.flows.commit({ flowId: 'large', baseRevision: revision, message: `edit ${i}` })));
      versionIds.push(version!);
      if (i > 0) commitTimes.push(ms); // the first commit warms up
    }

    const diffTimes: number[] = [];
    for (let i = 1; i < versionIds.length; i++) {
      diffTimes.push(await time(() => designer.versions.diff({ fromVersionId: versionIds[i - 1]!.id, toVersionId: versionIds[i]!.id })));
    }

    for (const v of versionIds) await reviewer.reviews.approve({ versionId: v.id, contentHash: v.contentHash });
    const deployTimes: number[] = [];
    await designer.deployments.deploy({ versionId: versionIds[0]!.id, environment: 'production' });
    for (let i = 1; i < versionIds.length; i++) {
      deployTimes.push(await time(() => designer.deployments.deploy({ versionId: versionIds[i]!.id, environment: 'production' })));
    }

    // 1,000 versions of another flow, inserted directly (committing them one by one would take minutes), then listed.
    await designer.flows.import({ document: { ...largeFlow(20, 0), id: 'many', name: 'Many versions' } });
    const doc = canonicalJson({ ...largeFlow(20, 0), id: 'many' });
    const designerId = (await db.selectFrom('users').select('id').where('email', '=', 'designer@bench.test').executeTakeFirstOrThrow()).id;
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      id: `ver_many_${i + 1}`,
      flow_id: 'many',
      number: i + 1,
      document: doc,
      content_hash: sha256Hex(`many-${i}`),
      policy_hash: sha256Hex(`policy-${i % 10}`),
      author_id: designerId,
      message: `Version ${i + 1}`,
      parent_id: i === 0 ? null : `ver_many_${i}`,
      created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 100) {
      await db.insertInto('versions').values(rows.slice(i, i + 100)).execute();
      await db.insertInto('version_authors').values(rows.slice(i, i + 100).map((r) => ({ version_id: r.id, user_id: designerId }))).execute();
    }
    // Every tenth version reviewed, so the list computes approvals too.
    await db
      .insertInto('reviews')
      .values(
        rows
          .filter((_, i) => i % 10 === 0)
          .map((r) => ({ version_id: r.id, status: 'approved' as const, requested_by: designerId, requested_at: r.created_at, decided_by: null, decided_at: r.created_at, decided_hash: r.content_hash })),
      )
      .execute();
    const listTimes: number[] = [];
    let listed = 0;
    for (let i = 0; i <= RUNS; i++) {
      const ms = await time(async () => (listed = (await designer.versions.list({ flowId: 'many', limit: 1000 })).length));
      if (i > 0) listTimes.push(ms);
    }

    return {
      database: 'sqlite (temporary file, WAL)',
      flowNodes: nodeCount,
      commit500Nodes: stats(commitTimes),
      diff500Nodes: stats(diffTimes),
      deploy500Nodes: stats(deployTimes),
      listVersions: { ...stats(listTimes), versions: listed },
      note: 'Timed through the tRPC caller: session lookup, CSRF, zod input and the service, with validation (commit) and hash re-verification (deploy).',
    };
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchServer(), null, 2));
}
