// The dashboard's CSV export, built from the very figures the screen shows (no second query):
// one row per figure, `section,item,measure,value`, so a spreadsheet can pivot it.
import { DURATION_BUCKETS, type DashboardFigures, type DashboardFilter, type LiveTiles } from './api/dashboard.ts';

type Cell = string | number | null;

function cell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (RFC 4180, CRLF line ends); rates are fractions 0…1, durations milliseconds, empty cells mean "no data". */
export function dashboardCsv(figures: DashboardFigures, filter: DashboardFilter, live: LiveTiles | null): string {
  const rows: Cell[][] = [['section', 'item', 'measure', 'value']];
  const add = (section: string, item: string, measure: string, value: Cell) => rows.push([section, item, measure, value]);
  for (const [k, v] of Object.entries(filter)) if (v !== undefined) add('filter', '', k, v);
  add('filter', '', 'period_start', figures.period.start);
  add('filter', '', 'period_end', figures.period.end);
  for (const [k, v] of Object.entries(figures.totals)) add('totals', '', k, v);
  add('rates', '', 'containment_rate', figures.containmentRate);
  add('rates', '', 'escalation_rate', figures.escalationRate);
  add('rates', '', 'escalation_accuracy', figures.accuracy.rate);
  add('rates', '', 'repeat_contact_rate', figures.repeatContact.rate);
  add('accuracy', '', 'labelled', figures.accuracy.labelled);
  add('accuracy', '', 'needed', figures.accuracy.needed);
  add('repeat_contact', '', 'identified', figures.repeatContact.identified);
  add('repeat_contact', '', 'repeated', figures.repeatContact.repeated);
  for (const [name, d] of [
    ['first_response', figures.firstResponse],
    ['resolution', figures.resolution],
  ] as const) {
    add(name, '', 'count', d.count);
    add(name, '', 'pending', d.pending);
    add(name, '', 'p50_ms', d.p50Ms);
    add(name, '', 'p90_ms', d.p90Ms);
    d.histogram.forEach((n, i) => add(name, DURATION_BUCKETS[i]!.label, 'handoffs', n));
  }
  add('csat', '', 'rated', figures.csat.rated);
  add('csat', '', 'average', figures.csat.average);
  for (const c of figures.csat.distribution) add('csat', String(c.score), 'count', c.count);
  for (const d of figures.byDay) {
    add('by_day', d.day, 'conversations', d.conversations);
    add('by_day', d.day, 'decided', d.decided);
    add('by_day', d.day, 'contained', d.contained);
    add('by_day', d.day, 'containment_rate', d.containmentRate);
  }
  for (const r of figures.byReason) {
    add('by_reason', r.reason, 'handoffs', r.handoffs);
    add('by_reason', r.reason, 'conversations', r.conversations);
    add('by_reason', r.reason, 'rate', r.rate);
  }
  for (const r of figures.byRule) {
    add('by_rule', `${r.ruleId} (${r.name})`, 'handoffs', r.handoffs);
    add('by_rule', `${r.ruleId} (${r.name})`, 'conversations', r.conversations);
    add('by_rule', `${r.ruleId} (${r.name})`, 'rate', r.rate);
  }
  for (const t of figures.topIntents) {
    add('top_intents', t.intent, 'escalations', t.escalations);
    add('top_intents', t.intent, 'share', t.share);
  }
  for (const p of figures.peaks) {
    if (p.conversations === 0 && p.escalations === 0) continue;
    const item = `${WEEKDAYS[p.weekday]} ${String(p.hour).padStart(2, '0')}:00 UTC`;
    add('peaks', item, 'conversations', p.conversations);
    add('peaks', item, 'escalations', p.escalations);
  }
  if (live) {
    add('live', live.at, 'waiting', live.waiting);
    add('live', live.at, 'oldest_waiting_ms', live.oldestWaitingMs);
    add('live', live.at, 'busy_agents', live.busyAgents);
    add('live', live.at, 'active_agents', live.activeAgents);
    add('live', live.at, 'occupancy', live.occupancy);
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
