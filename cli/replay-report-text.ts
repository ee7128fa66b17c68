// The replay-before-publish report as plain text for `switchboard replay --against`.
import type { ReplayAccuracy, ReplayChange, ReplayOutcome, ReplayReport } from '../shared/index.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x * 100).toFixed(1)} pts`;
const orDash = (x: number | null) => (x === null ? '—' : pct(x));

export const changeWords: Record<ReplayChange, string> = {
  newly_escalates: 'newly escalates',
  no_longer_escalates: 'no longer escalates',
  different_queue: 'escalates to a different queue',
  unchanged: 'unchanged',
};

function outcomeText(o: ReplayOutcome): string {
  if (!o.escalated) return `kept by the bot (${o.status})`;
  return `handed over on message ${o.escalatedAtMessage ?? '?'} to ${o.queue ?? '?'}/${o.priority ?? '?'} (${o.reasons.join(', ') || 'no reason'})`;
}

export function replayReportText(report: ReplayReport, names: { candidate: string; baseline: string }): string {
  const lines: string[] = [];
  lines.push(`Replayed ${report.conversations} conversation${report.conversations === 1 ? '' : 's'}: ${names.candidate} (candidate) against ${names.baseline} (baseline)`);
  if (report.stoppedEarly) lines.push('The time budget ran out: the figures cover only the conversations replayed.');
  lines.push('', '              baseline  candidate  change');
  lines.push(`containment   ${pct(report.baseline.containmentRate).padStart(8)}  ${pct(report.candidate.containmentRate).padStart(9)}  ${points(report.delta.containmentRate)}`);
  lines.push(`escalation    ${pct(report.baseline.escalationRate).padStart(8)}  ${pct(report.candidate.escalationRate).padStart(9)}  ${points(report.delta.escalationRate)}`);
  const c = report.changes;
  lines.push(
    '',
    `Changes: ${c.newly_escalates} newly escalate, ${c.no_longer_escalates} no longer escalate, ${c.different_queue} to a different queue, ${c.unchanged} unchanged; ${c.transcriptChanged} with different bot replies.`,
  );
  if (report.rules.length > 0) {
    lines.push('', 'Rules (conversations in which each matched):');
    const width = Math.max(...report.rules.map((r) => r.id.length));
    for (const r of report.rules) {
      const trend = r.candidate > r.baseline ? 'fires more' : r.candidate < r.baseline ? 'fires less' : 'same';
      const presence = !r.inCandidate ? ' (removed)' : !r.inBaseline ? ' (new)' : '';
      lines.push(`  ${r.id.padEnd(width)}  ${String(r.baseline).padStart(4)} → ${String(r.candidate).padEnd(4)}  ${trend}${presence}  ${r.name}`);
    }
  }
  if (report.accuracy) {
    const a = report.accuracy;
    const row = (label: string, pick: (x: ReplayAccuracy) => number | null) => `  ${label.padEnd(20)}${orDash(pick(a.baseline)).padStart(8)}  ${orDash(pick(a.candidate)).padStart(9)}`;
    lines.push('', `Accuracy (${a.labelledEscalation} labelled for escalation, ${a.labelledIntent} for intent):`, '                      baseline  candidate');
    lines.push(row('escalation recall', (x) => x.escalationRecall), row('escalation precision', (x) => x.escalationPrecision), row('intent accuracy', (x) => x.intentAccuracy));
  }
  const changed = report.items.filter((i) => i.change !== 'unchanged');
  if (changed.length > 0) {
    lines.push('', 'Changed conversations:');
    for (const item of changed) {
      lines.push(`  ${item.id}: ${changeWords[item.change]}`, `    before: ${outcomeText(item.baseline)}`, `    after:  ${outcomeText(item.candidate)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
