// `switchboard kb import <file-or-folder> --out kb.json` and `switchboard kb export <kb> --format
// csv|json|markdown --out <path>`: bring a site's help centre in, or take it out, all or nothing.
import { parseArgs } from 'node:util';
import type { CliIo } from '../io.ts';
import { formatImportProblem } from '../../runtime/knowledge/formats/import-problem.ts';
import { readKnowledgeSource } from '../knowledge/read-knowledge-source.ts';
import { exportFormats, knowledgeBaseToJson, writeFileAtomically, writeKnowledgeExport, type ExportFormat } from '../knowledge/write-knowledge-export.ts';

const USAGE =
  'usage: switchboard kb import <folder|file.csv|file.json|file.md> --out <kb.json> [--id id] [--name name] [--locale en]\n' +
  '       switchboard kb export <kb.json|folder|file.csv> --format csv|json|markdown --out <path>\n';

/** Exit codes: 0 done, 1 a file problem (nothing written), 2 bad usage. */
export async function kbCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return kbImport(rest, io);
  if (sub === 'export') return kbExport(rest, io);
  if (sub === '--help' || sub === '-h') {
    io.stdout(USAGE);
    return 0;
  }
  io.stderr(`${sub ? `unknown kb command "${sub}"\n` : ''}${USAGE}`);
  return 2;
}

async function kbImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, id: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1 || !values.out) {
    io.stderr(`kb import: ${positionals.length !== 1 ? 'give one file or folder to import' : '--out <kb.json> is required'}\n${USAGE}`);
    return 2;
  }
  const source = positionals[0]!;
  const read = await readKnowledgeSource(source, { id: values.id, name: values.name, locale: values.locale });
  if (!read.ok) {
    for (const p of read.problems) io.stderr(`${formatImportProblem(p)}\n`);
    io.stderr(`kb import: ${read.problems.length} problem${read.problems.length === 1 ? '' : 's'}; nothing was written\n`);
    return 1;
  }
  const error = await writeFileAtomically(values.out, knowledgeBaseToJson(read.value));
  if (error) {
    io.stderr(`kb import: ${error}\n`);
    return 1;
  }
  io.stdout(`${values.out}: ${read.value.articles.length} article${read.value.articles.length === 1 ? '' : 's'} (knowledge base "${read.value.id}")\n`);
  return 0;
}

async function kbExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' }, format: { type: 'string' } }, allowPositionals: true });
  const format = values.format as ExportFormat | undefined;
  if (positionals.length !== 1 || !values.out || !format || !exportFormats.includes(format)) {
    const why =
      positionals.length !== 1
        ? 'give one knowledge base to export'
        : !values.out
          ? '--out <path> is required'
          : `--format must be one of ${exportFormats.join(', ')}${values.format ? `, not "${values.format}"` : ''}`;
    io.stderr(`kb export: ${why}\n${USAGE}`);
    return 2;
  }
  const read = await readKnowledgeSource(positionals[0]!);
  if (!read.ok) {
    for (const p of read.problems) io.stderr(`${formatImportProblem(p)}\n`);
    return 1;
  }
  const error = await writeKnowledgeExport(read.value, format, values.out);
  if (error) {
    io.stderr(`kb export: ${error}\n`);
    return 1;
  }
  io.stdout(`${values.out}: ${read.value.articles.length} article${read.value.articles.length === 1 ? '' : 's'} as ${format}\n`);
  return 0;
}
