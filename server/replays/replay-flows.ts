// Where replays get compiled versions from: the site runtime's cache when this process runs one
// (a version compiled for live traffic is reused), else one cache per app built on first use.
import type { AppDeps } from '../trpc/context.ts';
import { FlowCache } from '../site-api/flows/flow-cache.ts';
import { fileKnowledgeLoader, type KnowledgeLoader } from '../site-api/flows/knowledge-loader.ts';

const own = new WeakMap<AppDeps, FlowCache>();

export function replayFlows(deps: AppDeps): { flows: FlowCache; knowledge: KnowledgeLoader } {
  const knowledge = fileKnowledgeLoader(deps.config.flowsDir);
  if (deps.site) return { flows: deps.site.flows, knowledge };
  let flows = own.get(deps);
  if (!flows) {
    flows = new FlowCache({ db: deps.db, clock: deps.clock, knowledge, capacity: 8 });
    own.set(deps, flows);
  }
  return { flows, knowledge };
}
