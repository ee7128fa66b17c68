// `auth.*`: sign in and out, who am I, change my password.
import { changePasswordInput, loginInput } from '../../../shared/index.ts';
import { appendAudit } from '../../audit/append-audit.ts';
import { CSRF_COOKIE, SESSION_COOKIE, csrfCookieOptions, sessionCookieOptions } from '../../auth/cookies.ts';
import { login } from '../../auth/login.ts';
import { revokeSession } from '../../auth/sessions.ts';
import { setPassword } from '../../accounts/users.ts';
import { verifyPassword } from '../../crypto/password-hash.ts';
import { fail } from '../../failure.ts';
import { acting } from '../access.ts';
import { unwrap } from '../failure-error.ts';
import { publicProcedure, router, signedInProcedure } from '../trpc.ts';

export const authRouter = router({
  /** Signs in: sets the HttpOnly session cookie and the readable CSRF cookie. 401 on a wrong password, 429 when throttled. */
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const { config, db, clock } = ctx.deps;
    const result = unwrap(
      await login(db, {
        email: input.email,
        password: input.password,
        ip: ctx.request.ip,
        now: clock.now(),
        limits: config.login,
        sessionTtlMs: config.sessionTtlMs,
        scryptCost: config.scryptCost,
      }),
    );
    ctx.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(config.secureCookies, result.expiresAt));
    ctx.cookies.set(CSRF_COOKIE, result.csrfToken, csrfCookieOptions(config.secureCookies, result.expiresAt));
    return { user: result.user, csrfToken: result.csrfToken };
  }),

  /** Ends this session and clears the cookies. */
  logout: signedInProcedure.mutation(async ({ ctx }) => {
    const { actor, now } = acting(ctx);
    await ctx.deps.db.transaction().execute(async (trx) => {
      await revokeSession(trx, ctx.session.sessionId);
      await appendAudit(trx, { actor, action: 'auth.logout', targetType: 'user', targetId: ctx.user.id, at: now });
    });
    ctx.cookies.clear(SESSION_COOKIE, sessionCookieOptions(ctx.deps.config.secureCookies));
    ctx.cookies.clear(CSRF_COOKIE, csrfCookieOptions(ctx.deps.config.secureCookies));
    return { signedOut: true };
  }),

  /** The signed-in user with their roles, or null. */
  me: publicProcedure.query(({ ctx }) => ctx.session?.user ?? null),

  /** Changes the caller's password; other sessions of the user end. */
  changePassword: signedInProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.deps;
    const row = await db.selectFrom('users').select('password_hash').where('id', '=', ctx.user.id).executeTakeFirstOrThrow();
    if (!(await verifyPassword(input.currentPassword, row.password_hash))) unwrap(fail('FORBIDDEN', 'Your current password is wrong.'));
    return unwrap(
      await setPassword(db, {
        userId: ctx.user.id,
        password: input.newPassword,
        ...acting(ctx),
        scryptCost: config.scryptCost,
        keepSessionId: ctx.session.sessionId,
      }),
    );
  }),
});
