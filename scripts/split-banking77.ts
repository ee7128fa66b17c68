// Writes the deterministic BANKING77 development split every NLU figure in docs/nlu.md is measured
// on: a stratified 20% of train.csv (seed 77), plus the same dev rows with CLINC150's out-of-scope set.
// Run: npx tsx scripts/split-banking77.ts [--out .tmp/nlu]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseLabelledCsv, type LabelledText } from '../runtime/nlu/csv.ts';
import { stratifiedSplit } from '../runtime/nlu/stratified-folds.ts';
import { sharedDataDir } from './shared-data.ts';

/** Fraction of each intent held out for development. */
export const DEV_FRACTION = 0.2;
/** Seed of the split; changing it changes every published figure. */
export const DEV_SEED = 77;


function readRows(path: string): LabelledText[] {
  const parsed = parseLabelledCsv(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}:${parsed.problem.line}: ${parsed.problem.message}`);
  return parsed.rows;
}

/** The BANKING77 train/dev split and CLINC150's out-of-scope rows (all relabelled `oos`). */
export function banking77Split(): { train: LabelledText[]; dev: LabelledText[]; oos: LabelledText[] } {
  const rows = readRows(join(sharedDataDir(), 'banking77', 'train.csv'));
  const split = stratifiedSplit(rows.map((r) => r.category), DEV_FRACTION, DEV_SEED);
  const oos = readRows(join(sharedDataDir(), 'clinc150', 'out-of-scope-dev.csv')).map((r) => ({ ...r, category: 'oos' }));
  return { train: split.train.map((i) => rows[i]!), dev: split.heldOut.map((i) => rows[i]!), oos };
}

const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const toCsv = (rows: readonly LabelledText[]): string => `text,category\n${rows.map((r) => `${quote(r.text)},${quote(r.category)}`).join('\n')}\n`;

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: '.tmp/nlu' } } });
  const out = values.out!;
  mkdirSync(out, { recursive: true });
  const { train, dev, oos } = banking77Split();
  writeFileSync(join(out, 'banking77-train.csv'), toCsv(train));
  writeFileSync(join(out, 'banking77-dev.csv'), toCsv(dev));
  writeFileSync(join(out, 'banking77-dev-oos.csv'), toCsv([...dev, ...oos]));
  process.stdout.write(`${out}: banking77-train.csv (${train.length}), banking77-dev.csv (${dev.length}), banking77-dev-oos.csv (${dev.length} + ${oos.length} oos)\n`);
}
