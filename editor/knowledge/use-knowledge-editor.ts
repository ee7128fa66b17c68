// Who may change knowledge bases (designers and admins); everyone else with a studio role reads.
import { useCurrentUser } from '../auth/current-user.ts';
import { hasRole } from '../auth/use-session.ts';

export function useCanEditKnowledge(): boolean {
  return hasRole(useCurrentUser(), 'designer', 'admin');
}
