// Where replays get compiled versions from: the site runtime's cache when this process runs one
// (a version compiled for live traffic is reused), else one cache per app built on first use.
import type { AppDeps } from '../trpc/context.ts';
import { FlowCache } from '../site-api/flows/flow-cache.ts';

const own = new WeakMap<AppDeps, FlowCache>();

export function replayFlows(deps: AppDeps): { flows: FlowCache } {
  if (deps.site) return { flows: deps.site.flows };
  let flows = own.get(deps);
  if (!flows) {
    flows = new FlowCache({ db: deps.db, clock: deps.clock, capacity: 8 });
    own.set(deps, flows);
  }
  return { flows };
}
