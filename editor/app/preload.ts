// Starts what the first screen will need while the session is still being checked: the flow
// studio's code and the flow's draft, fetched in parallel instead of one after the other.
import type { QueryClient } from '@tanstack/react-query';
import { api } from '../api/trpc.ts';
import { parseRoute } from './route.ts';

export const loadFlowStudio = () => import('../studio/FlowStudio.tsx');

export function draftQuery(flowId: string) {
  return { queryKey: ['flows.get', flowId] as const, queryFn: () => api.flows.get.query({ flowId }) };
}

export function preloadFirstScreen(client: QueryClient, hash: string): void {
  const route = parseRoute(hash);
  if (route.screen !== 'flow') return;
  void loadFlowStudio();
  void client.prefetchQuery({ ...draftQuery(route.flowId), staleTime: Infinity });
}
