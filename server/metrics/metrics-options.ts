// Who may read `/metrics` and whether metrics are collected at all (METRICS, METRICS_TOKEN).
import { z } from 'zod';

export interface MetricsOptions {
  /** Collect metrics and serve `/metrics`. Default true; METRICS=off turns both off. */
  enabled: boolean;
  /**
   * With a token, `/metrics` answers any caller presenting `Authorization: Bearer <token>` (and
   * nobody else). Without one, only direct loopback requests (127.0.0.0/8, ::1, no
   * X-Forwarded-For) are answered. Default null.
   */
  token: string | null;
}

export const defaultMetricsOptions: MetricsOptions = { enabled: true, token: null };

const envSchema = z.object({
  METRICS: z.enum(['on', 'off']).optional(),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters.').regex(/^[\x21-\x7e]+$/, 'METRICS_TOKEN must be printable ASCII without spaces.').optional(),
});

/** Reads METRICS and METRICS_TOKEN. */
export function loadMetricsOptions(env: Record<string, string | undefined>): { ok: true; options: MetricsOptions } | { ok: false; errors: string[] } {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  return { ok: true, options: { enabled: parsed.data.METRICS !== 'off', token: parsed.data.METRICS_TOKEN ?? null } };
}
