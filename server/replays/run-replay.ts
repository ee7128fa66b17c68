// `replays.run`: replay stored conversations (or an uploaded labelled CSV) through a candidate
// version — or the draft — and through the version deployed in an environment, and store the
// comparison. The work is bounded: at most `limit` conversations and `budgetMs` of replaying.
import type { Kysely } from 'kysely';
import { parseFlow, type Environment, type ReplayRecord } from '../../shared/index.ts';
import type { CompiledFlow } from '../../runtime/index.ts';
import { compareVersions, type ReplayCase } from '../../runtime/evaluation/compare-versions.ts';
import { parseReplayCsv } from '../../runtime/evaluation/replay-csv.ts';
import type { ActorRef } from '../actor.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../crypto/digest.ts';
import type { Database } from '../db/database.ts';
import { liveVersion } from '../deployments/current-deployments.ts';
import { fail, ok, type Result } from '../failure.ts';
import { parseDraftText } from '../flows/drafts.ts';
import type { CompiledVersion, FlowCache } from '../site-api/flows/flow-cache.ts';
import { getReplay } from './replay-store.ts';
import { storedReplayCases } from './stored-replay-cases.ts';

export interface ReplayDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** Compiled versions and drafts (the site runtime's cache when the server runs one). */
  flows: FlowCache;
  /** Replaying stops after this long and the report says so. Default 20 000 ms. */
  budgetMs?: number;
}

export interface RunReplayOptions {
  flowId: string;
  /** Omitted: the draft. */
  versionId?: string | undefined;
  environment: Environment;
  source: { type: 'stored'; from?: string | undefined; to?: string | undefined; limit: number } | { type: 'csv'; csv: string; fileName?: string | undefined };
  actor: ActorRef;
}

const DAY_MS = 86_400_000;
export const DEFAULT_STORED_DAYS = 30;

/** Runs and stores one replay report. */
export async function runReplay(d: ReplayDeps, o: RunReplayOptions): Promise<Result<ReplayRecord>> {
  const { db } = d;
  const flow = await db.selectFrom('flows').select(['id', 'name']).where('id', '=', o.flowId).executeTakeFirst();
  if (!flow) return fail('NOT_FOUND', `There is no flow "${o.flowId}".`);

  const baselineRow = await liveVersion(db, o.flowId, o.environment);
  if (!baselineRow) {
    return fail(
      'PRECONDITION_FAILED',
      `Nothing of "${flow.name}" is deployed to ${o.environment}, so there is nothing to compare with. Deploy a version there first, or compare against the other environment.`,
    );
  }

  let candidate: CompiledVersion;
  let candidateVersionId: string | null = null;
  if (o.versionId !== undefined) {
    const row = await db.selectFrom('versions').select(['id', 'flow_id']).where('id', '=', o.versionId).executeTakeFirst();
    if (!row || row.flow_id !== o.flowId) return fail('NOT_FOUND', `There is no such version of "${flow.name}".`);
    candidateVersionId = row.id;
    candidate = await d.flows.get(row.id);
  } else {
    const draft = await db.selectFrom('drafts').select('document').where('flow_id', '=', o.flowId).executeTakeFirstOrThrow();
    const parsed = parseFlow(parseDraftText(draft.document));
    if (!parsed.ok) {
      return fail('PRECONDITION_FAILED', `The draft cannot run, so it cannot be replayed: ${parsed.problems[0]?.path || '$'}: ${parsed.problems[0]?.message}`, {
        problems: parsed.problems,
      });
    }
    candidate = await d.flows.compileDraft(parsed.doc);
  }
  if (!candidate.ok) return fail('PRECONDITION_FAILED', `The candidate cannot run: ${candidate.message}`);
  const baseline = await d.flows.get(baselineRow.id);
  if (!baseline.ok) return fail('PRECONDITION_FAILED', `The version live in ${o.environment} cannot run: ${baseline.message}`);

  const now = d.clock.now();
  let cases: ReplayCase[];
  let source: string;
  if (o.source.type === 'stored') {
    const to = o.source.to ?? now.toISOString();
    const from = o.source.from ?? new Date(Date.parse(to) - DEFAULT_STORED_DAYS * DAY_MS).toISOString();
    if (Date.parse(from) >= Date.parse(to)) return fail('BAD_REQUEST', `The period is empty: "from" (${from}) must be before "to" (${to}).`);
    cases = await storedReplayCases(db, { flowId: o.flowId, from: new Date(from).toISOString(), to: new Date(to).toISOString(), limit: o.source.limit });
    if (cases.length === 0) {
      return fail('PRECONDITION_FAILED', `No stored conversations of "${flow.name}" with a customer message between ${from.slice(0, 10)} and ${to.slice(0, 10)}; choose a longer period or upload a labelled CSV.`);
    }
    // `to` is exclusive; people read periods by their last day.
    const lastDay = new Date(Date.parse(to) - 1).toISOString().slice(0, 10);
    source = `${cases.length} newest stored conversation${cases.length === 1 ? '' : 's'} from ${from.slice(0, 10)} to ${lastDay} (at most ${o.source.limit})`;
  } else {
    const intents = new Set([...intentNames(candidate.flow), ...intentNames(baseline.flow)]);
    const parsed = parseReplayCsv(o.source.csv, { intents });
    if (!parsed.ok) {
      const [first] = parsed.problems;
      return fail('BAD_REQUEST', `${o.source.fileName ?? 'The CSV file'} has ${parsed.problems.length === 1 ? 'a problem' : `${parsed.problems.length} problems`}; nothing was replayed. ${first!.message}`, {
        reasons: parsed.problems.map((p) => p.message),
      });
    }
    cases = parsed.cases;
    source = `${o.source.fileName ?? 'uploaded CSV'} (${cases.length} labelled message${cases.length === 1 ? '' : 's'})`;
  }

  const started = performance.now();
  const budget = d.budgetMs ?? 20_000;
  const report = compareVersions(candidate.flow, baseline.flow, cases, { shouldStop: () => performance.now() - started > budget });
  if (report.stoppedEarly) source += `; stopped after ${report.conversations} (time budget ${Math.round(budget / 1000)} s)`;

  const id = newId('rpl');
  await db
    .insertInto('replay_reports')
    .values({
      id,
      flow_id: o.flowId,
      candidate_version_id: candidateVersionId,
      baseline_version_id: baselineRow.id,
      environment: o.environment,
      source,
      report: JSON.stringify(report),
      created_by: o.actor.id,
      created_at: now.toISOString(),
      attached_by: null,
      attached_at: null,
    })
    .execute();
  const stored = await getReplay(db, id);
  return stored.ok ? ok(stored.value) : stored;
}

const intentNames = (flow: CompiledFlow) => flow.doc.intents.map((i) => i.name);
