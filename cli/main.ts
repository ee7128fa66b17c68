// `switchboard <command>`: dispatches to one file per command.
import { processIo, type CliIo } from './io.ts';
import { validateCommand } from './commands/validate.ts';
import { chatCommand } from './commands/chat.ts';
import { ruleCommand } from './commands/rule.ts';
import { replayCommand } from './commands/replay.ts';
import { nluEval } from './commands/nlu-eval.ts';
import { tuneCommand } from './commands/tune.ts';
import { auditCommand } from './commands/audit.ts';
import { customerCommand } from './commands/customer.ts';
import { kbCommand } from './commands/kb.ts';
import { kbEvalCommand } from './commands/kb-eval.ts';

type Command = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; usage: string }> = {
  validate: { run: validateCommand, usage: 'validate <flow.json>... [--json]      check flows; one line per problem' },
  chat: { run: chatCommand, usage: 'chat <flow.json> [--customer json]      talk to a flow in the terminal' },
  rule: { run: ruleCommand, usage: "rule '<json-logic>' [--data json]       evaluate one rule" },
  replay: { run: replayCommand, usage: 'replay <flow.json> <conv.jsonl> [--json] run scripted conversations' },
  tune: { run: tuneCommand, usage: 'tune <flow.json> --labelled <csv> [--min-escalation-recall r] [--chart out.svg]  choose a threshold' },
  audit: { run: auditCommand, usage: 'audit verify [--json]                   check the audit log hash chain (DATABASE_URL)' },
  customer: { run: customerCommand, usage: 'customer export|delete <customerId> --site <siteId>   data-subject requests (DATABASE_URL)' },
  'nlu-eval': { run: nluEval, usage: 'nlu-eval --train <csv> --test <csv> [--threshold t] [--json]  measure the built-in classifier' },
  kb: { run: kbCommand, usage: 'kb import <folder|csv|json|md> --out <kb.json> [--id --name --locale] | kb export <kb> --format csv|json|markdown --out <path>' },
  'kb-eval': { run: kbEvalCommand, usage: 'kb-eval --kb <file-or-folder> --test <csv> [--threshold t] [--json]  measure knowledge answers' },
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    if (name && name !== '--help' && name !== 'help') io.stderr(`unknown command "${name}"\n\n`);
    io.stderr(`usage: switchboard <command>\n\n${Object.values(commands).map((c) => `  ${c.usage}`).join('\n')}\n`);
    return name && name !== '--help' && name !== 'help' ? 2 : 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // parseArgs rejects unknown options with a TypeError that names the option.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${error.message}\nusage: switchboard ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}
