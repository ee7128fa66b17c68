// A process-wide counter bumped whenever a deployment is committed, so caches of what is live
// (the site runtime's LiveVersions) drop what they hold at once. Like site-access-changes.ts.
let generation = 0;

/** Call after committing a deployment or rollback. */
export function deploymentsChanged(): void {
  generation++;
}

/** Deployments so far in this process; a cached lookup is valid only at the generation it was read. */
export function deploymentGeneration(): number {
  return generation;
}
