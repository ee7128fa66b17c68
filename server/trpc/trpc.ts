// The tRPC instance and the only procedure builders routers may use. Each builder records its
// access rule in the procedure's meta (so the role-matrix test can read it) and installs the guard
// that enforces it: sign-in (401), CSRF and Origin on mutations (403), roles (403).
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { formatPath, type Role } from '../../shared/index.ts';
import { checkMutation } from '../auth/request-guard.ts';
import type { Context } from './context.ts';
import { FailureDetails, toTRPCError } from './failure-error.ts';

/** Who may call a procedure. Every procedure has exactly one. */
export type ProcedureMeta = { access: 'public' } | { access: 'signed-in' } | { access: 'roles'; roles: readonly Role[] };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    isDev: false,
    errorFormatter({ shape, error }) {
      const details = error.cause instanceof FailureDetails ? error.cause.data : {};
      const issues =
        error.cause instanceof ZodError ? error.cause.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) : undefined;
      const message =
        error.code === 'INTERNAL_SERVER_ERROR'
          ? 'Internal server error.'
          : issues
            ? `Invalid input: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`
            : shape.message;
      return {
        message,
        code: shape.code,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...details, ...(issues ? { issues } : {}) },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const publicGuard = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation') {
    const check = checkMutation(ctx.request, { allowedOrigins: ctx.deps.config.allowedOrigins, sessionCsrfHash: null });
    if (!check.ok) throw toTRPCError(check.failure);
  }
  return next();
});

const userGuard = t.middleware(({ ctx, meta, type, next }) => {
  if (!meta || meta.access === 'public') throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Procedure without an access rule.' });
  const session = ctx.session;
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  if (type === 'mutation') {
    const check = checkMutation(ctx.request, { allowedOrigins: ctx.deps.config.allowedOrigins, sessionCsrfHash: session.csrfHash });
    if (!check.ok) throw toTRPCError(check.failure);
  }
  if (meta.access === 'roles' && !session.user.roles.some((r) => meta.roles.includes(r))) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${meta.roles.join(' or ')} role.` });
  }
  return next({ ctx: { session, user: session.user } });
});

/** Anyone, signed in or not. Mutations still need the CSRF header and an allowed Origin. */
export const publicProcedure = t.procedure.meta({ access: 'public' }).use(publicGuard);

/** Any signed-in user, whatever their roles. */
export const signedInProcedure = t.procedure.meta({ access: 'signed-in' }).use(userGuard);

/** Signed-in users holding at least one of `roles`. */
export function requireRoles(...roles: [Role, ...Role[]]) {
  return t.procedure.meta({ access: 'roles', roles }).use(userGuard);
}
