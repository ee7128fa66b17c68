// A process-wide counter bumped whenever a site key is revoked or a site's access settings
// (allowed origins, signing secret) change, so caches of key lookups in this process drop what
// they hold at once. Other processes rely on their cache's short lifetime.
let generation = 0;

/** Call after committing a change to a key or to a site's access settings. */
export function siteAccessChanged(): void {
  generation++;
}

/** Changes so far in this process; a cached lookup is valid only at the generation it was read. */
export function siteAccessGeneration(): number {
  return generation;
}
