// Reads and compiles a flow file for the CLI, printing its problems when it cannot run. A flow
// that names a knowledge base gets it from knowledge/<id>.json beside the flow file.
import { compileFlow, type CompiledFlow } from '../runtime/index.ts';
import type { CliIo } from './io.ts';
import { formatImportProblem } from '../runtime/knowledge/formats/import-problem.ts';
import { loadFlowKnowledge } from './knowledge/load-flow-knowledge.ts';
import { readJsonFile } from './read-json-file.ts';

export async function loadFlow(file: string, io: CliIo): Promise<CompiledFlow | null> {
  const read = await readJsonFile(file);
  if (!read.ok) {
    io.stderr(`${file}: ${read.problem.message}\n`);
    return null;
  }
  const knowledge = await loadFlowKnowledge(file, read.value);
  if (!knowledge.ok) {
    for (const p of knowledge.problems) io.stderr(`${formatImportProblem(p)}\n`);
    return null;
  }
  const compiled = compileFlow(read.value, knowledge.knowledge ? { knowledge: knowledge.knowledge } : {});
  if (!compiled.ok) {
    for (const p of compiled.problems.filter((p) => p.severity === 'error')) io.stderr(`${file}: ${p.path || '$'}: ${p.message}\n`);
    return null;
  }
  return compiled.flow;
}
