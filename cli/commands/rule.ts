// `switchboard rule '<json-logic>' [--data '<json>']`: evaluate one rule with the engine's compiled evaluator.
import { parseArgs } from 'node:util';
import { checkLogic, compileLogic } from '../../runtime/logic/index.ts';
import type { Json } from '../../shared/index.ts';
import type { CliIo } from '../io.ts';
import { parseJsonText } from '../read-json-file.ts';
import { formatPath, MAX_JSON_DEPTH, pathBeyondDepth } from '../../shared/index.ts';

export async function ruleCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { data: { type: 'string', default: '{}' } }, allowPositionals: true });
  if (positionals.length !== 1) {
    io.stderr(`usage: switchboard rule '<json-logic>' [--data '<json>']\n`);
    return 2;
  }
  const rule = parseJsonText(positionals[0]!, 'The rule');
  if (!rule.ok) return fail(io, rule.problem.message);
  const data = parseJsonText(values.data, 'The --data value');
  if (!data.ok) return fail(io, data.problem.message);
  const tooDeep = pathBeyondDepth(rule.value);
  if (tooDeep) return fail(io, `rule: ${formatPath(tooDeep)}: the rule is nested more than ${MAX_JSON_DEPTH} levels deep; simplify it.`);
  const problems = checkLogic(rule.value);
  if (problems.length > 0) return fail(io, problems.map((p) => `rule: ${formatPath(p.path) || '$'}: ${p.message}`).join('\n'));
  const result = compileLogic(rule.value as Json)(data.value);
  io.stdout(`${JSON.stringify(result === undefined ? null : result)}\n`);
  return 0;
}

function fail(io: CliIo, message: string): number {
  io.stderr(`${message}\n`);
  return 1;
}
