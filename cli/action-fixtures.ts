// `--actions fixtures.json` answers a flow's webhook calls in the CLI: `{ "lookup_order": { "ok": true, "data": {…} } }`.
// Without it every action fails, so flows take their `error` port.
import { z } from 'zod';
import { jsonSchema } from '../shared/index.ts';
import { noActions, type ActionResponder } from '../runtime/index.ts';
import type { CliIo } from './io.ts';
import { readJsonFile } from './read-json-file.ts';

const fixtures = z.record(
  z.string(),
  z.union([z.object({ ok: z.literal(true), data: jsonSchema }), z.object({ ok: z.literal(false), error: z.string() })]),
);

export async function loadActionFixtures(file: string | undefined, io: CliIo): Promise<ActionResponder | null> {
  if (!file) return noActions;
  const read = await readJsonFile(file);
  const parsed = read.ok ? fixtures.safeParse(read.value) : null;
  if (!read.ok || !parsed?.success) {
    io.stderr(`${file}: ${read.ok ? 'expected { "<action>": { "ok": true, "data": … } | { "ok": false, "error": "…" } }' : read.problem.message}\n`);
    return null;
  }
  const table = parsed.data;
  return (action, input) => table[action] ?? noActions(action, input);
}
