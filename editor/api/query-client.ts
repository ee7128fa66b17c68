// React Query settings: the studio is the source of truth, so refetch on focus, but never retry
// a 4xx (a wrong role or a stale save does not get better by asking again).
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isSessionEndedError, waitForSignIn } from '../auth/session-expiry.ts';
import { apiFailure } from './api-failure.ts';

/**
 * When the session ends (expired, signed out elsewhere) under a signed-in screen, ask the person to
 * sign in again in place (keeping what they were doing); without a user there is nothing to keep.
 */
function onSessionEnded(error: unknown): void {
  if (!isSessionEndedError(error)) return;
  if (queryClient.getQueryData(['auth.me'])) void waitForSignIn();
  else queryClient.setQueryData(['auth.me'], null);
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onSessionEnded }),
  mutationCache: new MutationCache({ onError: onSessionEnded }),
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      retry: (count, error) => {
        const status = apiFailure(error).httpStatus;
        return status !== undefined && status >= 400 && status < 500 ? false : count < 2;
      },
    },
    mutations: { retry: false },
  },
});
