// Runs `switchboard nlu-eval` without the CLI entry point (same code): npx tsx scripts/nlu-eval.ts --train a.csv --test b.csv
import { nluEval } from '../cli/commands/nlu-eval.ts';

process.exitCode = await nluEval(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
