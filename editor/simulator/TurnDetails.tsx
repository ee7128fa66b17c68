// What happened in one simulated turn: the path through the graph, the intent ranking against
// the threshold, every escalation rule evaluated (matched ones first), and the variables.
import type { Json } from '../../shared/index.ts';
import { useStudio } from '../studio/studio-context.ts';
import { Icon } from '../ui/Icon.tsx';
import type { TurnTrace } from '../../runtime/index.ts';
import type { SimTurn } from './simulation.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function nluVerdict(nlu: NonNullable<TurnTrace['nlu']>, turn: SimTurn, margin: number): string {
  if (nlu.accepted) return `Acted on ${nlu.intent}: ${pct(nlu.confidence)} clears the ${pct(nlu.threshold)} threshold.`;
  if (turn.handoff && turn.traces.some((t) => t.rules.some((r) => r.matched))) return 'Escalation rules handed the conversation over before the flow acted on the intent.';
  if (nlu.outOfScope) return 'Out of scope: the message fits none of the intents.';
  if (nlu.confidence < nlu.threshold) return `Below the ${pct(nlu.threshold)} threshold: the bot asks to clarify, then hands over.`;
  if (nlu.margin < margin) return `The top two are within the ${pct(margin)} ambiguity margin: the bot asks which one was meant.`;
  return 'Not acted on here: this router does not route that intent.';
}

export function TurnDetails({ turn, margin }: { turn: SimTurn; margin: number }) {
  const { canvas, ui } = useStudio();
  const nodes = turn.traces.flatMap((t) => t.nodes);
  const nlu = turn.traces.find((t) => t.nlu)?.nlu ?? null;
  const rules = turn.traces.flatMap((t) => t.rules);
  const matched = rules.filter((r) => r.matched);
  const notes = turn.traces.flatMap((t) => t.notes);
  const vars = Object.entries(turn.vars);
  return (
    <div className="turn-details" data-testid="turn-details">
      <section aria-label="Path">
        <h4>Path</h4>
        {nodes.length === 0 ? (
          <p className="muted small">No node ran this turn.</p>
        ) : (
          <ol className="path-chips">
            {nodes.map((n, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="path-chip"
                  onClick={() => {
                    ui.set((u) => ({ ...u, view: 'canvas' }));
                    canvas.focusNode(n.id);
                  }}
                >
                  {n.id}
                  {n.port && <span className="path-port">{n.port}</span>}
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
      {nlu && (
        <section aria-label="Intent ranking">
          <h4>
            Intent <span className="muted small">threshold {pct(nlu.threshold)}</span>
          </h4>
          <ul className="ranking">
            {nlu.ranking.slice(0, 5).map((r, i) => (
              <li key={r.intent} className={i === 0 && nlu.accepted ? 'ranking-row accepted' : 'ranking-row'}>
                <span className="ranking-name">{r.intent}</span>
                <span className="ranking-bar" aria-hidden="true">
                  <span className="ranking-fill" style={{ width: pct(r.confidence) }} />
                  <span className="ranking-threshold" style={{ left: pct(nlu.threshold) }} />
                </span>
                <span className="ranking-value">{pct(r.confidence)}</span>
              </li>
            ))}
          </ul>
          <p className="muted small">{nluVerdict(nlu, turn, margin)}</p>
        </section>
      )}
      <section aria-label="Escalation rules">
        <h4>
          Escalation rules <span className="muted small">{matched.length} of {rules.length} matched</span>
        </h4>
        {rules.length === 0 ? (
          <p className="muted small">Rules are checked on customer messages.</p>
        ) : (
          <ul className="rule-results">
            {[...matched, ...rules.filter((r) => !r.matched).slice(0, matched.length ? 3 : 5)].map((r) => (
              <li key={r.id} className={r.matched ? 'rule-result matched' : 'rule-result'} data-testid={r.matched ? 'matched-rule' : undefined}>
                <Icon name={r.matched ? 'checkCircle' : 'x'} size={13} />
                <button type="button" className="link-button" onClick={() => ui.set((u) => ({ ...u, view: 'rules', focusRuleId: r.id }))}>
                  {r.name}
                </button>
                {r.error && <span className="text-danger small">{r.error}</span>}
              </li>
            ))}
            {rules.length - matched.length > (matched.length ? 3 : 5) && <li className="muted small">…and {rules.length - matched.length - (matched.length ? 3 : 5)} more not matched</li>}
          </ul>
        )}
      </section>
      <section aria-label="Variables">
        <h4>Variables</h4>
        {vars.length === 0 ? (
          <p className="muted small">None set yet.</p>
        ) : (
          <dl className="var-list">
            {vars.map(([k, v]) => (
              <div key={k}>
                <dt className="mono">vars.{k}</dt>
                <dd className="mono">{JSON.stringify(v as Json)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      {notes.length > 0 && (
        <section aria-label="Notes">
          <h4>Notes</h4>
          <ul className="muted small">
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
