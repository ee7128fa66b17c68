// `users.*` (admin): accounts and their roles.
import { createUserInput, setDisabledInput, setPasswordInput, setRolesInput } from '../../../shared/index.ts';
import { createUser, listUsers, setDisabled, setPassword, setRoles } from '../../accounts/users.ts';
import { acting } from '../access.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const admin = requireRoles('admin');

export const usersRouter = router({
  list: admin.query(({ ctx }) => listUsers(ctx.deps.db)),
  create: admin
    .input(createUserInput)
    .mutation(async ({ ctx, input }) => unwrap(await createUser(ctx.deps.db, { ...input, ...acting(ctx), scryptCost: ctx.deps.config.scryptCost }))),
  /** Replaces a user's roles. Takes effect on their next request. */
  setRoles: admin.input(setRolesInput).mutation(async ({ ctx, input }) => unwrap(await setRoles(ctx.deps.db, { ...input, ...acting(ctx) }))),
  /** Disables (ending their sessions) or re-enables a user. */
  setDisabled: admin.input(setDisabledInput).mutation(async ({ ctx, input }) => unwrap(await setDisabled(ctx.deps.db, { ...input, ...acting(ctx) }))),
  /** Sets a user's password (forgotten passwords); their sessions end. */
  setPassword: admin
    .input(setPasswordInput)
    .mutation(async ({ ctx, input }) => unwrap(await setPassword(ctx.deps.db, { ...input, ...acting(ctx), scryptCost: ctx.deps.config.scryptCost }))),
});
