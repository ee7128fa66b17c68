// How the dashboard writes its figures: rates as percentages, durations in words people read.

/** 0.4 → "40%", 2/3 → "66.7%", null → "—" (nothing to rate yet). */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  const p = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** 45 000 → "45 s", 1 200 000 → "20 min", 3 900 000 → "1 h 5 min", null → "—". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}

export function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** `YYYY-MM-DD` of a UTC instant. */
export function utcDayOf(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export const DAY_MS = 86_400_000;
