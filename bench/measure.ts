// Small helpers shared by the benchmarks.
import { fileURLToPath } from 'node:url';

/** The q-quantile (0..1) of already sorted numbers, rounded to microseconds. */
export function percentile(sorted: readonly number[], q: number): number {
  const value = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return Math.round(value * 1000) / 1000;
}

/** True when the module is the script node was started with (`npx tsx bench/x.ts`). */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(moduleUrl) === process.argv[1];
}
