// Who performs a state change: a signed-in user or the system (bootstrap and seeding). Every
// service that writes takes one, and the audit log records it.

export interface ActorRef {
  /** User id; null for the system. */
  id: string | null;
  /** E-mail of the user, or `system`. */
  label: string;
}

export const systemActor: ActorRef = { id: null, label: 'system' };

export function userActor(user: { id: string; email: string }): ActorRef {
  return { id: user.id, label: user.email };
}
