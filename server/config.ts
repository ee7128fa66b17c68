// Server configuration, read once from the environment (see docs/server.md for the table).
// Tests build a ServerConfig directly with `testConfig`-style overrides of `defaultConfig`.
import { z } from 'zod';
import { DEFAULT_SCRYPT_COST } from './crypto/password-hash.ts';

export interface LoginLimits {
  /** Failed sign-ins per e-mail and IP within the window before 429. Default 5. */
  maxFailuresPerAccount: number;
  /** Failed sign-ins per IP (any e-mail) within the window. Default 50. */
  maxFailuresPerIp: number;
  /** Default 15 minutes. */
  windowMs: number;
}

export interface ServerConfig {
  /** PORT. Default 3000. */
  port: number;
  /** HOST. Default `localhost`. */
  host: string;
  /** DATABASE_URL. Default `data/switchboard.db` (SQLite); `postgres://…` for PostgreSQL. */
  databaseUrl: string;
  /** ADMIN_EMAIL: the first admin, created on an empty database. Default `admin@example.com`. */
  adminEmail: string;
  /** ADMIN_PASSWORD. Default: generated and printed once. */
  adminPassword: string | null;
  /** DEMO_SITE_KEY: production key of the seeded `demo` site. Default: generated and printed once. */
  demoSiteKey: string | null;
  /** FLOWS_DIR: flows seeded into an empty database. Default `flows`. */
  flowsDir: string;
  /** EDITOR_DIR: the built editor, served at `/` when present. Default `dist/editor`. */
  editorDir: string;
  /** ALLOWED_ORIGINS (comma-separated): origins besides the server's own allowed to send mutations. Default none. */
  allowedOrigins: string[];
  /** COOKIE_SECURE=1: mark cookies Secure (serve over HTTPS). Default false. */
  secureCookies: boolean;
  /** TRUST_PROXY=1: take the client IP from X-Forwarded-For (behind a load balancer). Default false. */
  trustProxy: boolean;
  /** Session lifetime. Default 7 days. */
  sessionTtlMs: number;
  /** scrypt N for new password hashes. Default 2^17; tests lower it. */
  scryptCost: number;
  login: LoginLimits;
  /** Largest request body in bytes. Default 10 MiB (a 10,000-example flow is ~1 MiB). */
  bodyLimit: number;
}

export const defaultConfig: ServerConfig = {
  port: 3000,
  host: 'localhost',
  databaseUrl: 'data/switchboard.db',
  adminEmail: 'admin@example.com',
  adminPassword: null,
  demoSiteKey: null,
  flowsDir: 'flows',
  editorDir: 'dist/editor',
  allowedOrigins: [],
  secureCookies: false,
  trustProxy: false,
  sessionTtlMs: 7 * 24 * 60 * 60 * 1000,
  scryptCost: DEFAULT_SCRYPT_COST,
  login: { maxFailuresPerAccount: 5, maxFailuresPerIp: 50, windowMs: 15 * 60 * 1000 },
  bodyLimit: 10 * 1024 * 1024,
};

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true')
  .optional();
const nonEmpty = z.string().trim().min(1).optional();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: nonEmpty,
  DATABASE_URL: nonEmpty,
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'ADMIN_PASSWORD needs at least 10 characters.').max(200).optional(),
  DEMO_SITE_KEY: z.string().min(20, 'DEMO_SITE_KEY needs at least 20 characters.').max(200).optional(),
  FLOWS_DIR: nonEmpty,
  EDITOR_DIR: nonEmpty,
  ALLOWED_ORIGINS: z.string().optional(),
  COOKIE_SECURE: flag,
  TRUST_PROXY: flag,
});

/** Reads the configuration from environment variables; empty variables count as unset. */
export function loadConfig(env: Record<string, string | undefined>): { ok: true; config: ServerConfig } | { ok: false; errors: string[] } {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      ...defaultConfig,
      port: e.PORT ?? defaultConfig.port,
      host: e.HOST ?? defaultConfig.host,
      databaseUrl: e.DATABASE_URL ?? defaultConfig.databaseUrl,
      adminEmail: (e.ADMIN_EMAIL ?? defaultConfig.adminEmail).toLowerCase(),
      adminPassword: e.ADMIN_PASSWORD ?? null,
      demoSiteKey: e.DEMO_SITE_KEY ?? null,
      flowsDir: e.FLOWS_DIR ?? defaultConfig.flowsDir,
      editorDir: e.EDITOR_DIR ?? defaultConfig.editorDir,
      allowedOrigins: (e.ALLOWED_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean),
      secureCookies: e.COOKIE_SECURE ?? false,
      trustProxy: e.TRUST_PROXY ?? false,
    },
  };
}
