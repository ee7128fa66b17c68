// The signed-in user (or null), and sign-in/out that keep the query cache honest.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, Role } from '../../shared/index.ts';
import { api } from '../api/trpc.ts';
import { sessionEnded, waitForSignIn } from './session-expiry.ts';

export const sessionKey = ['auth.me'] as const;

export function useSession() {
  const client = useQueryClient();
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      const me = await api.auth.me.query();
      const before = client.getQueryData<CurrentUser | null>(sessionKey);
      // The session ended under an open screen: keep it (and its unsaved work) and ask to sign in again.
      if (!me && before) {
        void waitForSignIn();
        return before;
      }
      return me;
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.auth.login.mutate(input),
    onSuccess: (result) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      client.setQueryData(sessionKey, result.user);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.logout.mutate(),
    onSettled: () => {
      sessionEnded.set(false);
      client.setQueryData(sessionKey, null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    },
  });
}

export function hasRole(user: CurrentUser | null | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}
