// The one tRPC client. The editor imports only the router's type from server/.
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import { CSRF_HEADER, csrfToken } from './csrf.ts';

export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      maxURLLength: 4000,
      headers: () => ({ [CSRF_HEADER]: csrfToken() }),
    }),
  ],
});

export type ApiOutputs = inferRouterOutputs<AppRouter>;
export type ApiInputs = inferRouterInputs<AppRouter>;
export type { AppRouter };
