// `switchboard tune <flow.json> --labelled <csv>`: the threshold table a reviewer needs, the
// threshold that meets the given targets, and optionally an SVG chart of the trade-off.
import { writeFile } from 'node:fs/promises';
import { readTextFile } from '../read-text-file.ts';
import { parseArgs } from 'node:util';
import { parseLabelledCsv } from '../../runtime/nlu/csv.ts';
import { chooseThreshold, thresholdSweep, type LabelledMessage, type SweepTargets } from '../../runtime/evaluation/threshold-sweep.ts';
import type { FlowDocumentInput } from '../../shared/index.ts';
import type { CliIo } from '../io.ts';
import { loadFlow } from '../load-flow.ts';
import { svgLineChart } from '../svg-line-chart.ts';

const USAGE =
  'usage: switchboard tune <flow.json> --labelled <csv> [--min-escalation-recall r] [--max-oos-answers r] [--max-unnecessary-escalations r] [--chart out.svg] [--json]\n';

const thresholds = Array.from({ length: 15 }, (_, i) => Math.round((0.2 + i * 0.05) * 100) / 100);

export async function tuneCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      labelled: { type: 'string' },
      'min-escalation-recall': { type: 'string' },
      'max-oos-answers': { type: 'string' },
      'max-unnecessary-escalations': { type: 'string' },
      chart: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1 || !values.labelled) {
    io.stderr(USAGE);
    return 2;
  }
  const targets: SweepTargets = {};
  for (const [flag, key] of [
    ['min-escalation-recall', 'minEscalationRecall'],
    ['max-oos-answers', 'maxOosFalseAnswers'],
    ['max-unnecessary-escalations', 'maxUnnecessaryEscalations'],
  ] as const) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > 1) {
      io.stderr(`--${flag} must be a fraction from 0 to 1 (e.g. 0.98), got ${JSON.stringify(raw)}\n`);
      return 2;
    }
    targets[key] = n;
  }

  const flow = await loadFlow(positionals[0]!, io);
  if (!flow) return 1;
  const csv = await readTextFile(values.labelled);
  if (!csv.ok) {
    io.stderr(`${values.labelled}: cannot read the labelled file: ${csv.why}.\n`);
    return 1;
  }
  const parsed = parseLabelledCsv(csv.text);
  if (!parsed.ok) {
    io.stderr(`${values.labelled}:${parsed.problem.line}: ${parsed.problem.message}\n`);
    return 1;
  }
  // CSV categories may be raw dataset labels ("reverted_card_payment?"); flows use identifiers.
  const intents = new Set(flow.doc.intents.map((i) => i.name));
  const messages: LabelledMessage[] = [];
  const unknown = new Map<string, number>();
  for (const row of parsed.rows) {
    const category = row.category === 'oos' || intents.has(row.category) ? row.category : row.category.replace(/[^A-Za-z0-9_]/g, '');
    if (category !== 'oos' && !intents.has(category)) {
      if (!unknown.has(row.category)) unknown.set(row.category, row.line);
      continue;
    }
    messages.push({ text: row.text, category });
  }
  if (unknown.size > 0) {
    const list = [...unknown].slice(0, 10).map(([c, line]) => `"${c}" (line ${line})`).join(', ');
    io.stderr(`${values.labelled}: ${unknown.size} categor${unknown.size === 1 ? 'y is' : 'ies are'} neither an intent of the flow nor "oos": ${list}\n`);
    return 1;
  }

  const sweep = thresholdSweep(flow.doc as FlowDocumentInput, flow.classifier!, messages, thresholds);
  const chosen = chooseThreshold(sweep.rows, targets);
  const current = flow.doc.settings.confidenceThreshold;

  if (values.chart) {
    const line = (name: string, colour: string, pick: (r: (typeof sweep.rows)[number]) => number) => ({ name, colour, points: sweep.rows.map((r) => ({ x: r.threshold, y: pick(r) })) });
    const svg = svgLineChart(
      `${flow.doc.name}: outcomes by confidence threshold`,
      'confidence threshold',
      [
        line('correct answers', '#2563eb', (r) => r.correctAnswerRate),
        line('answer containment', '#60a5fa', (r) => r.answerContainment),
        line('escalation recall', '#dc2626', (r) => r.escalationRecall),
        line('unnecessary escalations', '#f59e0b', (r) => r.unnecessaryEscalations),
        line('out-of-scope answered', '#7c3aed', (r) => r.oosFalseAnswers),
      ],
      chosen ? { x: chosen.threshold, label: `chosen ${chosen.threshold}` } : { x: current, label: `current ${current}` },
    );
    await writeFile(values.chart, svg);
  }

  if (values.json) {
    io.stdout(`${JSON.stringify({ ...sweep, targets, chosen: chosen?.threshold ?? null, current }, null, 2)}\n`);
    return chosen || Object.keys(targets).length === 0 ? 0 : 1;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(8);
  io.stdout(`${messages.length} labelled messages: ${sweep.counts.answer} answer-intent, ${sweep.counts.escalate} escalate-intent, ${sweep.counts.oos} out-of-scope\n`);
  io.stdout(`escalate-intents (handed over when understood): ${sweep.escalateIntents.join(', ') || 'none'}\n\n`);
  io.stdout('threshold  contain  correct  esc.recall  unneeded.esc  oos.answered  oos.to.human\n');
  for (const r of sweep.rows) {
    const mark = r.threshold === chosen?.threshold ? ' ◀ chosen' : r.threshold === current ? ' (current)' : '';
    io.stdout(`${r.threshold.toFixed(2).padStart(9)} ${pct(r.answerContainment)} ${pct(r.correctAnswerRate)} ${pct(r.escalationRecall)}    ${pct(r.unnecessaryEscalations)}      ${pct(r.oosFalseAnswers)}      ${pct(r.oosEscalations)}${mark}\n`);
  }
  if (Object.keys(targets).length > 0) {
    io.stdout(chosen ? `\nThreshold ${chosen.threshold} meets the targets with the most correct answers.\n` : '\nNo threshold in 0.20–0.90 meets every target.\n');
  }
  if (values.chart) io.stdout(`chart written to ${values.chart}\n`);
  return chosen || Object.keys(targets).length === 0 ? 0 : 1;
}
