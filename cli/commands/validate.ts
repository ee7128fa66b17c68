// `switchboard validate <flow.json>...`: one line per problem, exit 1 when any file has an error.
// A flow naming a knowledge base is also checked to find it (knowledge/<id>.json beside it).
import { parseArgs } from 'node:util';
import { checkFlow } from '../../runtime/index.ts';
import type { Problem } from '../../shared/index.ts';
import type { CliIo } from '../io.ts';
import { readJsonFile } from '../read-json-file.ts';
import { formatImportProblem } from '../../runtime/knowledge/formats/import-problem.ts';
import { loadFlowKnowledge } from '../knowledge/load-flow-knowledge.ts';

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length === 0) {
    io.stderr('usage: switchboard validate <flow.json>... [--json]\n');
    return 2;
  }
  let failed = false;
  const report: Array<{ file: string; valid: boolean; problems: Problem[] }> = [];
  for (const file of positionals) {
    const read = await readJsonFile(file);
    const problems = read.ok ? checkFlow(read.value) : [read.problem];
    if (read.ok && !problems.some((p) => p.severity === 'error')) {
      const knowledge = await loadFlowKnowledge(file, read.value);
      if (!knowledge.ok) {
        const message = knowledge.problems.map(formatImportProblem).join('; ');
        problems.push({ code: 'knowledge_base_not_loaded', severity: 'error', path: 'knowledge.base', message: `The knowledge base cannot be loaded: ${message}` });
      }
    }
    const valid = !problems.some((p) => p.severity === 'error');
    failed ||= !valid;
    report.push({ file, valid, problems });
    if (!values.json) {
      for (const p of problems) io.stdout(`${file}: ${p.path || '$'}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}\n`);
    }
  }
  if (values.json) io.stdout(`${JSON.stringify({ valid: !failed, files: report }, null, 2)}\n`);
  return failed ? 1 : 0;
}
