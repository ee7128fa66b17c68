// Which version a new conversation runs: the one deployed to the key's environment now. Only
// its id and number — the document (up to megabytes) stays in the database; the compiled-flow
// cache has it.
//
// Every start asks. On SQLite the answer is kept (LiveVersions): the server process owns the
// file and a deploy in it drops the kept answers at once (deployment-changes.ts); the short
// lifetime only bounds how long a change written by anything else goes unseen. The read was
// dear: after each commit of the writer thread the main connection reads its pages afresh.
import type { Kysely } from 'kysely';
import type { Environment } from '../../../shared/index.ts';
import type { Database } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect-name.ts';
import { perDialect, rawStatement, runRaw } from '../../db/raw-statement.ts';
import { deploymentGeneration } from '../../deployments/deployment-changes.ts';

export interface LiveVersion {
  id: string;
  number: number;
}

const statements = perDialect((dialect) => ({
  live: rawStatement(
    dialect,
    'select v.id, v.number from deployments as d inner join versions as v on v.id = d.version_id where d.flow_id = ? and d.environment = ? order by d.id desc limit 1',
  ),
}));

async function liveVersionRef(db: Kysely<Database>, dialect: DialectName, flowId: string, environment: Environment): Promise<LiveVersion | undefined> {
  const [row] = (await runRaw<{ id: string; number: number | string }>(db, statements[dialect].live([flowId, environment]))).rows;
  return row ? { id: row.id, number: Number(row.number) } : undefined;
}

/** Live versions by flow and environment, kept for `ttlMs` (0: always read) and until a deploy in this process. */
export class LiveVersions {
  private readonly entries = new Map<string, { version: LiveVersion; until: number; generation: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
    private readonly ttlMs: number,
    private readonly capacity = 1000,
  ) {}

  /** The live version, or undefined when none is deployed (not kept: a deploy may follow). */
  async get(flowId: string, environment: Environment, nowMs: number): Promise<LiveVersion | undefined> {
    const key = `${environment}\0${flowId}`;
    const kept = this.entries.get(key);
    if (kept && kept.until > nowMs && kept.generation === deploymentGeneration()) return kept.version;
    // Taken before the read, so a deploy committed during it is not hidden.
    const generation = deploymentGeneration();
    const version = await liveVersionRef(this.db, this.dialect, flowId, environment);
    this.entries.delete(key);
    if (version && this.ttlMs > 0) {
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { version, until: nowMs + this.ttlMs, generation });
    }
    return version;
  }
}
