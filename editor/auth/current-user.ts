// The signed-in user for every screen below the sign-in gate.
import { createContext, useContext } from 'react';
import type { CurrentUser } from '../../shared/index.ts';

export const CurrentUserContext = createContext<CurrentUser | null>(null);

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside the signed-in app.');
  return user;
}
