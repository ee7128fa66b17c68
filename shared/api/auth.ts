// Sign-in and the signed-in user: inputs and outputs of the `auth.*` and `users.*` procedures.
import { z } from 'zod';
import { roleSchema } from './roles.ts';
import { isoTimestamp, recordId } from './common.ts';

/** Passwords: 10 to 200 characters; no composition rules (NIST SP 800-63B). */
export const passwordSchema = z.string().min(10, 'Use at least 10 characters.').max(200);
export const emailSchema = z.email().max(254).transform((e) => e.toLowerCase());

export const loginInput = z.strictObject({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) });
export const changePasswordInput = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema });

export const currentUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
});
export type CurrentUser = z.output<typeof currentUserSchema>;

export const loginOutput = z.object({
  user: currentUserSchema,
  /** Send back as the `x-switchboard-csrf` header on every mutation (also readable from the `sb_csrf` cookie). */
  csrfToken: z.string(),
});

export const createUserInput = z.strictObject({
  email: emailSchema,
  name: z.string().min(1).max(200),
  password: passwordSchema,
  roles: z.array(roleSchema).max(5).default([]),
});
export const setRolesInput = z.strictObject({ userId: recordId, roles: z.array(roleSchema).max(5) });
export const setDisabledInput = z.strictObject({ userId: recordId, disabled: z.boolean() });
export const setPasswordInput = z.strictObject({ userId: recordId, password: passwordSchema });

export const userSummarySchema = currentUserSchema.extend({
  disabled: z.boolean(),
  createdAt: isoTimestamp,
});
export type UserSummary = z.output<typeof userSummarySchema>;
