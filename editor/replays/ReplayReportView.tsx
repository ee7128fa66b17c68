// A replay-before-publish report as a reviewer reads it: containment and escalation before →
// after, the rules that fire more or less, label accuracy, and every changed conversation with
// its two transcripts side by side.
import type { ReplayChange, ReplayOutcome, ReplayRecord, ReplayedConversation, TranscriptLine } from '../../shared/index.ts';
import { formatTime, personName } from '../ui/format.ts';

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x * 100).toFixed(1)} pts`;
const orDash = (x: number | null) => (x === null ? '—' : pct(x));

const changeLabel: Record<ReplayChange, string> = {
  newly_escalates: 'Newly escalates',
  no_longer_escalates: 'No longer escalates',
  different_queue: 'Different queue',
  unchanged: 'Unchanged',
};
const changeBadge: Record<ReplayChange, string> = {
  newly_escalates: 'badge-danger',
  no_longer_escalates: 'badge-success',
  different_queue: 'badge-warning',
  unchanged: '',
};

function outcomeText(o: ReplayOutcome): string {
  if (!o.escalated) return 'kept by the bot';
  return `handed over to ${o.queue ?? '?'} (${o.priority ?? '?'}) on message ${o.escalatedAtMessage ?? '?'}: ${o.reasons.join(', ') || 'no reason'}`;
}

/** What the two versions are called in the report. */
export function versionNames(record: ReplayRecord): { before: string; after: string } {
  return {
    before: `Version ${record.baselineNumber} (live in ${record.environment})`,
    after: record.candidateNumber === null ? 'The draft' : `Version ${record.candidateNumber}`,
  };
}

export function ReplayReportView({ record }: { record: ReplayRecord }) {
  const r = record.report;
  const names = versionNames(record);
  const changed = r.items.filter((i) => i.change !== 'unchanged' || i.transcriptChanged);
  const movedRules = r.rules.filter((rule) => rule.baseline !== rule.candidate || rule.inBaseline !== rule.inCandidate);
  return (
    <div className="replay-report" data-testid="replay-report">
      <p className="muted small">
        {names.after} against {names.before.toLowerCase()} · {record.source} · run by {personName(record.createdBy)} {formatTime(record.createdAt)}
      </p>
      {r.stoppedEarly && (
        <p className="form-error" role="note">
          The time budget ran out: the figures cover only the {r.conversations} conversations replayed.
        </p>
      )}
      <dl className="replay-rates" aria-label="Projected rates">
        <div className="replay-rate">
          <dt>Containment</dt>
          <dd>
            {pct(r.baseline.containmentRate)} → <strong>{pct(r.candidate.containmentRate)}</strong> <span className="muted">({points(r.delta.containmentRate)})</span>
          </dd>
        </div>
        <div className="replay-rate">
          <dt>Escalation</dt>
          <dd>
            {pct(r.baseline.escalationRate)} → <strong>{pct(r.candidate.escalationRate)}</strong> <span className="muted">({points(r.delta.escalationRate)})</span>
          </dd>
        </div>
        <div className="replay-rate">
          <dt>Conversations</dt>
          <dd>
            <strong>{r.conversations}</strong> replayed
          </dd>
        </div>
      </dl>
      <p className="badges" role="group" aria-label="Conversation changes">
        <span className="badge badge-danger">{r.changes.newly_escalates} newly escalate</span>
        <span className="badge badge-success">{r.changes.no_longer_escalates} no longer escalate</span>
        <span className="badge badge-warning">{r.changes.different_queue} to a different queue</span>
        <span className="badge">{r.changes.unchanged} unchanged</span>
        {r.changes.transcriptChanged > 0 && <span className="badge badge-info">{r.changes.transcriptChanged} with different bot replies</span>}
      </p>

      <h4 className="section-title">Escalation rules</h4>
      {r.rules.length === 0 ? (
        <p className="panel-note">Neither version has escalation rules.</p>
      ) : (
        <table className="table" aria-label="Rule changes">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">{names.before}</th>
              <th scope="col">{names.after}</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {r.rules.map((rule) => (
              <tr key={rule.id}>
                <td>
                  {rule.name} <span className="mono muted small">{rule.id}</span>
                </td>
                <td>{rule.inBaseline ? rule.baseline : <span className="muted">not in this version</span>}</td>
                <td>{rule.inCandidate ? rule.candidate : <span className="muted">removed</span>}</td>
                <td>{rule.candidate > rule.baseline ? <span className="badge badge-danger">fires more</span> : rule.candidate < rule.baseline ? <span className="badge badge-success">fires less</span> : <span className="muted">same</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="field-help">Counts are conversations in which the rule matched at least once.{movedRules.length === 0 ? ' No rule fires more or less.' : ''}</p>

      {r.accuracy && (
        <>
          <h4 className="section-title">Against the labels</h4>
          <table className="table" aria-label="Accuracy">
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">{names.before}</th>
                <th scope="col">{names.after}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>Escalation recall ({r.accuracy.labelledEscalation} labelled)</td>
                <td>{orDash(r.accuracy.baseline.escalationRecall)}</td>
                <td>{orDash(r.accuracy.candidate.escalationRecall)}</td>
              </tr>
              <tr>
                <td>Escalation precision</td>
                <td>{orDash(r.accuracy.baseline.escalationPrecision)}</td>
                <td>{orDash(r.accuracy.candidate.escalationPrecision)}</td>
              </tr>
              <tr>
                <td>Intent accuracy ({r.accuracy.labelledIntent} labelled)</td>
                <td>{orDash(r.accuracy.baseline.intentAccuracy)}</td>
                <td>{orDash(r.accuracy.candidate.intentAccuracy)}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}

      <h4 className="section-title">Changed conversations ({changed.length})</h4>
      {changed.length === 0 ? (
        <p className="panel-note">Every conversation goes exactly as before: same replies, same handovers.</p>
      ) : (
        <ul className="replay-conversations" aria-label="Changed conversations">
          {changed.map((item) => (
            <ChangedConversation key={item.id} item={item} names={names} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ChangedConversation({ item, names }: { item: ReplayedConversation; names: { before: string; after: string } }) {
  const firstWords = item.baselineTranscript.find((l) => l.role === 'customer')?.text ?? item.id;
  return (
    <li>
      <details className="replay-conversation">
        <summary>
          <span className={`badge ${changeBadge[item.change]}`}>{item.change === 'unchanged' ? 'Different replies' : changeLabel[item.change]}</span> <span className="replay-first-words">“{firstWords}”</span>
        </summary>
        <p className="small">
          <strong>Before:</strong> {outcomeText(item.baseline)}
          <br />
          <strong>After:</strong> {outcomeText(item.candidate)}
        </p>
        <div className="replay-transcripts">
          <Transcript title={names.before} lines={item.baselineTranscript} other={item.candidateTranscript} />
          <Transcript title={names.after} lines={item.candidateTranscript} other={item.baselineTranscript} />
        </div>
      </details>
    </li>
  );
}

/** One side of the transcript diff; a line that differs from the other side's line at the same place is marked. */
function Transcript({ title, lines, other }: { title: string; lines: TranscriptLine[]; other: TranscriptLine[] }) {
  return (
    <section className="replay-transcript" aria-label={`Transcript: ${title}`}>
      <h5>{title}</h5>
      <ol>
        {lines.map((line, i) => {
          const differs = other[i]?.text !== line.text || other[i]?.role !== line.role;
          return (
            <li key={i} className={`replay-line ${line.role}${differs ? ' differs' : ''}`}>
              <span className="replay-role">{line.role === 'bot' ? 'Bot' : 'Customer'}</span> {line.text}
              {differs && <span className="sr-only"> (differs)</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
