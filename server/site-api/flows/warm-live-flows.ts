// Start-up: compile every version live in some environment, so intent models are loaded (or, the
// first time a version's examples are seen, trained and stored) before the first customer waits.
import type { SiteRuntime } from '../site-runtime.ts';
import { currentDeployments } from '../../deployments/current-deployments.ts';

/** Compiles the live versions one at a time; failures are logged, never fatal. */
export async function warmLiveFlows(rt: SiteRuntime): Promise<void> {
  const live = [...new Set((await currentDeployments(rt.db)).map((d) => d.version_id))];
  for (const versionId of live) {
    const compiled = await rt.flows.get(versionId);
    if (!compiled.ok) rt.log.error(`could not prepare version ${versionId}: ${compiled.message}`);
  }
}
