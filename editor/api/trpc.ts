// The one tRPC client. The editor imports only the router's type from server/. Subscriptions (the
// agent inbox's live views) travel over SSE, which carries the session cookie like any request.
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import { CSRF_HEADER, csrfToken } from './csrf.ts';

export const api = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc' }),
      false: httpBatchLink({
        url: '/trpc',
        maxURLLength: 4000,
        headers: () => ({ [CSRF_HEADER]: csrfToken() }),
      }),
    }),
  ],
});

export type ApiOutputs = inferRouterOutputs<AppRouter>;
export type ApiInputs = inferRouterInputs<AppRouter>;
export type { AppRouter };
