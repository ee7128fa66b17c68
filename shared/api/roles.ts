// Who may do what in the studio: the five roles a user can hold (several at once) and the
// environments a flow version can be deployed to.
import { z } from 'zod';

/** Roles, in the order the admin screen lists them. A user holds any subset (possibly none). */
export const roles = ['admin', 'designer', 'reviewer', 'agent', 'analyst'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

/** Deployment targets. Production always needs an independent approval; see docs/server.md. */
export const environments = ['staging', 'production'] as const;
export type Environment = (typeof environments)[number];
export const environmentSchema = z.enum(environments);
