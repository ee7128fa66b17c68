// Refreshes everything that depends on a flow's versions after a commit, review or deployment.
import { useQueryClient } from '@tanstack/react-query';
import { flowScopedPrefixes } from './query-keys.ts';

export function useInvalidateVersions() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ predicate: (q) => flowScopedPrefixes.includes(String(q.queryKey[0])) });
}
