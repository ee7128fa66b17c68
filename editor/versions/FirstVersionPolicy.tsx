// What a reviewer approves in a flow's first version, which has no parent to diff against: the
// escalation rules (each in words and as JSON-logic), the thresholds and the handoff nodes —
// without it the first review would show only the graph and hide the policy being approved.
import type { Json } from '../../shared/index.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import { asRecord, str } from '../nodes/raw-data.ts';
import { describeLogic } from '../rules/describe-logic.ts';

export function FirstVersionPolicy({ doc, onComment }: { doc: EditorDoc; onComment?: (path: string) => void }) {
  const rules = doc.escalation?.rules ?? [];
  const handoffs = doc.nodes.filter((n) => n.type === 'handoff');
  const s = doc.settings ?? {};
  return (
    <>
      <section aria-label="Escalation rules">
        <h3 className="section-title">
          Escalation rules <span className="muted small">{rules.length === 0 ? 'none: only the flow itself hands over' : `${rules.length}, checked in this order on every customer message`}</span>
        </h3>
        {rules.map((r) => (
          <article key={r.id} className="rule-diff change-added" data-testid={`rule-diff-${r.id}`}>
            <header>
              <span className="badge badge-added">new</span>
              <strong>{r.name}</strong> <span className="muted mono small">{r.id}</span>
              {onComment && (
                <button type="button" className="btn btn-ghost btn-xs comment-on" onClick={() => onComment(`escalation.rules[id=${r.id}]`)}>
                  Comment on this rule
                </button>
              )}
            </header>
            <p className="small">
              Hands over to <strong className="mono">{r.queue}</strong> ({r.priority} priority, reason <span className="mono">{r.reason}</span>) when {describeLogic(r.when as Json)}.
            </p>
            <pre className="mono small rule-json-preview">{JSON.stringify(r.when, null, 2)}</pre>
          </article>
        ))}
      </section>
      <section aria-label="Thresholds and handoffs">
        <h3 className="section-title">Thresholds and handoffs</h3>
        <ul className="small policy-facts">
          <li>Confidence threshold {s.confidenceThreshold ?? 0.55}, ambiguity margin {s.ambiguityMargin ?? 0.1}, up to {s.maxClarifications ?? 2} clarifications.</li>
          {handoffs.map((n) => {
            const d = asRecord(n.data);
            return (
              <li key={n.id}>
                Handoff node <span className="mono">{n.id}</span> → queue <span className="mono">{str(d, 'queue')}</span>, {str(d, 'priority', 'normal')} priority, reason <span className="mono">{str(d, 'reason')}</span>.
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
