// Values from logic results and from the host become state; keep it JSON-safe so it survives a
// JSON round trip unchanged (no undefined, NaN, Infinity or -0).
import type { Json } from '../../shared/index.ts';

export function toJson(value: unknown): Json {
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null; // + 0 turns -0 into 0
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = toJson(v);
    return out;
  }
  return null;
}
