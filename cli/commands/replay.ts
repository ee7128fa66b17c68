// `switchboard replay <flow.json> <conversations.jsonl> [--json]`: runs each line as a fresh
// conversation and streams one result line per conversation. With `--against <baseline.json>` it
// replays every conversation through both flows and prints what would change (compare-versions.ts).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { jsonObjectSchema, replayLabelSchema } from '../../shared/index.ts';
import { replayConversation, steppingClock } from '../../runtime/index.ts';
import { compareVersions, type ReplayCase } from '../../runtime/evaluation/compare-versions.ts';
import { replayReportText } from '../replay-report-text.ts';
import type { CliIo } from '../io.ts';
import { loadFlow } from '../load-flow.ts';
import { loadActionFixtures } from '../action-fixtures.ts';
import { progressBar } from '../progress-bar.ts';

const conversationLine = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  messages: z.array(z.string()),
  customer: jsonObjectSchema.optional(),
  channel: z.string().optional(),
  /** Used by `--against`: what should have happened, for the accuracy figures. */
  label: replayLabelSchema.optional(),
});

export async function replayCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false }, actions: { type: 'string' }, against: { type: 'string' } },
    allowPositionals: true,
  });
  const [flowFile, conversationsFile] = positionals;
  if (!flowFile || !conversationsFile || positionals.length > 2) {
    io.stderr('usage: switchboard replay <flow.json> <conversations.jsonl> [--against <baseline-flow.json>] [--json] [--actions <fixtures.json>]\n');
    return 2;
  }
  const flow = await loadFlow(flowFile, io);
  if (!flow) return 1;
  const baseline = values.against === undefined ? null : await loadFlow(values.against, io);
  if (values.against !== undefined && !baseline) return 1;
  const cases: ReplayCase[] = [];
  const respond = await loadActionFixtures(values.actions, io);
  if (!respond) return 1;
  let size: number;
  try {
    size = (await stat(conversationsFile)).size;
  } catch {
    io.stderr(`${conversationsFile}: the file does not exist or cannot be read.\n`);
    return 1;
  }

  const progress = io.isTty ? progressBar(io, size) : null;
  const lines = createInterface({ input: createReadStream(conversationsFile, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  let bytes = 0;
  let bad = 0;
  for await (const line of lines) {
    lineNumber++;
    bytes += Buffer.byteLength(line) + 1;
    if (!line.trim()) continue;
    let parsed: z.infer<typeof conversationLine>;
    try {
      const result = conversationLine.safeParse(JSON.parse(line));
      if (!result.success) throw new Error(result.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '));
      parsed = result.data;
    } catch (error) {
      bad++;
      io.stderr(`${conversationsFile}:${lineNumber}: skipped: ${(error as Error).message}\n`);
      continue;
    }
    if (baseline) {
      cases.push({ id: parsed.id, messages: parsed.messages, customer: parsed.customer ?? {}, channel: parsed.channel ?? 'replay', label: parsed.label ?? null });
      progress?.update(bytes);
      continue;
    }
    const replay = replayConversation(
      flow,
      parsed.messages,
      { conversationId: parsed.id, channel: parsed.channel ?? 'replay', customer: parsed.customer ?? {} },
      { clock: steppingClock() },
      respond,
    );
    const turns = replay.turns.map(({ traces: _traces, ...turn }) => turn);
    if (values.json) io.stdout(`${JSON.stringify({ id: parsed.id, turns })}\n`);
    else {
      io.stdout(`# ${parsed.id}\n`);
      for (const text of replay.opening) io.stdout(`  bot: ${text}\n`);
      for (const t of turns) {
        io.stdout(`  you: ${t.user}\n`);
        for (const text of t.bot) io.stdout(`  bot: ${text}\n`);
        const facts = [t.intent ? `intent ${t.intent} ${(t.confidence ?? 0).toFixed(2)}` : 'no intent', `status ${t.status}`];
        if (t.handoff) facts.push(`handoff ${t.handoff.queue}/${t.handoff.priority} (${t.handoff.reasons.join(', ')})`);
        io.stdout(`       [${facts.join(' · ')}]\n`);
      }
    }
    progress?.update(bytes);
  }
  progress?.done();
  if (baseline) {
    const report = compareVersions(flow, baseline, cases, { respond });
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : replayReportText(report, { candidate: flowFile, baseline: values.against! }));
  }
  return bad > 0 ? 1 : 0;
}
