// Role sets shared by several routers, so "who may read the studio" is decided once.
import type { CurrentUser, Role } from '../../shared/index.ts';
import { userActor, type ActorRef } from '../actor.ts';
import type { Context } from './context.ts';

/** Read access to flows, versions, reviews and deployments. Agents work the inbox (issue 5) and do not need it. */
export const STUDIO_READERS: [Role, ...Role[]] = ['admin', 'designer', 'reviewer', 'analyst'];

/** Who may deploy and roll back (after the deploy gate agrees). */
export const DEPLOYERS: [Role, ...Role[]] = ['designer', 'admin'];

/** The acting user and the current time, as services take them. */
export function acting(ctx: Context & { user: CurrentUser }): { actor: ActorRef; now: Date } {
  return { actor: userActor(ctx.user), now: ctx.deps.clock.now() };
}
