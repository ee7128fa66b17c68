// The handoff package as a JSON Schema document, generated from the zod schema in
// shared/handoff.ts (served at /api/v1/handoff-package.schema.json and committed as
// docs/handoff-package.schema.json; a test keeps the file in step). Run this file to rewrite it:
//   npx tsx server/site-api/handoff-json-schema.ts
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { handoffPackage, HANDOFF_SCHEMA_VERSION } from '../../shared/handoff.ts';

export const HANDOFF_SCHEMA_ID = `urn:switchboard:handoff-package:v${HANDOFF_SCHEMA_VERSION}`;

/** The JSON Schema (draft 2020-12) of the handoff package. */
export function handoffPackageJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(handoffPackage, { io: 'output', unrepresentable: 'any' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: HANDOFF_SCHEMA_ID,
    title: 'Switchboard handoff package',
    description:
      'Sent to the agent inbox and to site webhooks (event handoff.created, in data.package) when a conversation is escalated: who, why, what was understood, what was collected, and the transcript. Times are milliseconds since the epoch.',
    ...rest,
  };
}

/** The file's contents: the schema, pretty-printed, with a final newline. */
export function handoffSchemaFileText(): string {
  return `${JSON.stringify(handoffPackageJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(new URL('../../docs/handoff-package.schema.json', import.meta.url), handoffSchemaFileText());
}
