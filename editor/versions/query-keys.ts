// React Query keys for versioning data, so every screen invalidates the same things.
export const versionKeys = {
  list: (flowId: string) => ['versions.list', flowId] as const,
  get: (versionId: string) => ['versions.get', versionId] as const,
  diff: (from: string, to: string) => ['versions.diff', from, to] as const,
  draftDiff: (flowId: string) => ['flows.diffDraft', flowId] as const,
  review: (versionId: string) => ['reviews.get', versionId] as const,
  deployments: (flowId: string) => ['deployments.history', flowId] as const,
  check: (versionId: string, environment: string) => ['deployments.check', versionId, environment] as const,
};

/** Keys to refresh after anything changes a flow's versions, reviews or deployments. */
export const flowScopedPrefixes = ['versions.list', 'versions.get', 'reviews.get', 'reviews.queue', 'deployments.history', 'deployments.check', 'flows.list', 'flows.diffDraft', 'replays.attached'];
