// A structural diff for people: what needs review and why first, then the graph with changes
// painted on it, each escalation rule side by side in Monaco's diff editor, settings, intents and
// node-by-node field changes. Layout moves are listed apart (they never need review).
import { useMemo, useState } from 'react';
import type { FieldChange, FlowDiff, Json, KnowledgeSide } from '../../shared/index.ts';
import { routeHref } from '../app/route.ts';
import { toEditorDoc, type EditorDoc } from '../document/editor-document.ts';
import { LazyJsonDiffEditor } from '../monaco/LazyMonaco.tsx';
import { describeLogic } from '../rules/describe-logic.ts';
import { Icon } from '../ui/Icon.tsx';
import { DiffCanvas } from './DiffCanvas.tsx';

const show = (v: Json | undefined) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const pretty = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));

function FieldTable({ fields }: { fields: readonly FieldChange[] }) {
  if (fields.length === 0) return null;
  return (
    <table className="table field-table">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.path}>
            <td className="mono">{f.path}</td>
            <td className="diff-before mono">{show(f.before)}</td>
            <td className="diff-after mono">{show(f.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function KnowledgeSideLabel({ side }: { side: KnowledgeSide | null }) {
  if (!side) return <strong>none</strong>;
  return (
    <a href={routeHref({ screen: 'knowledge', kbId: side.kbId })}>
      <strong>
        {side.kbId} {side.number === null ? '(no version yet)' : `v${side.number}`}
      </strong>
    </a>
  );
}

export function DiffView({ diff, from, to, onComment }: { diff: FlowDiff; from: Record<string, unknown> | null; to: Record<string, unknown>; onComment?: (path: string) => void }) {
  const fromDoc = useMemo<EditorDoc | null>(() => (from ? toEditorDoc(from) : null), [from]);
  const toDoc = useMemo(() => toEditorDoc(to), [to]);
  const [focus, setFocus] = useState<string | null>(null);
  const count = (list: readonly { change: string }[], kind: string) => list.filter((x) => x.change === kind).length;
  const nodeSummary = ['added', 'changed', 'removed'].map((k) => `${count(diff.nodes, k)} ${k}`).join(', ');

  if (diff.sameContent) {
    return (
      <div className="diff-view">
        <p className="panel-note">
          <Icon name="checkCircle" size={14} /> Same content{diff.layout.length ? `; ${diff.layout.length} node${diff.layout.length === 1 ? '' : 's'} moved on the canvas (layout is not reviewed).` : '.'}
        </p>
      </div>
    );
  }

  return (
    <div className="diff-view" data-testid="diff-view">
      {diff.needsReview ? (
        <section className="review-reasons" aria-label="Why this needs review">
          <h3>
            <Icon name="rules" size={15} /> Needs an independent review
          </h3>
          <ul>
            {diff.reviewReasons.map((r, i) => (
              <li key={i}>
                <span className="badge badge-warning">{r.section}</span> {r.message}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="panel-note">
          <Icon name="info" size={14} /> No change to the escalation policy, thresholds or handoff nodes.
        </p>
      )}

      {diff.knowledgeBase && (
        <section className="knowledge-change" aria-label="Knowledge base change">
          <p className="review-note">
            <Icon name="answer" size={15} /> Knowledge base <KnowledgeSideLabel side={diff.knowledgeBase.before} /> → <KnowledgeSideLabel side={diff.knowledgeBase.after} />
            <span className="muted small"> — answer nodes reply from these articles; compare the versions on the Knowledge screen.</span>
          </p>
        </section>
      )}

      <section aria-label="Graph changes">
        <h3 className="section-title">
          Graph <span className="muted small">nodes: {nodeSummary}; connections: {diff.edges.length} changed</span>
        </h3>
        <DiffCanvas from={fromDoc} to={toDoc} diff={diff} focus={focus} />
      </section>

      {diff.escalationRules.length > 0 && (
        <section aria-label="Escalation rule changes">
          <h3 className="section-title">Escalation rules</h3>
          {diff.escalationRules.map((r) => {
            const before = r.before as { when?: Json } | undefined;
            const after = r.after as { when?: Json } | undefined;
            const whenChanged = r.change !== 'changed' || r.fields.some((f) => f.path === 'when' || f.path.startsWith('when'));
            const beforeRule = fromDoc?.escalation?.rules?.find((x) => x.id === r.id);
            const afterRule = toDoc.escalation?.rules?.find((x) => x.id === r.id);
            return (
              <article key={r.id} className={`rule-diff change-${r.change}`} data-testid={`rule-diff-${r.id}`}>
                <header>
                  <span className={`badge badge-${r.change}`}>{r.change}</span>
                  <strong>{r.name}</strong> <span className="muted mono small">{r.id}</span>
                  {r.moved && <span className="muted small"> moved from position {r.moved.from + 1} to {r.moved.to + 1}</span>}
                  {onComment && (
                    <button type="button" className="btn btn-ghost btn-xs comment-on" onClick={() => onComment(`escalation.rules[id=${r.id}]`)}>
                      <Icon name="message" size={12} /> Comment on this rule
                    </button>
                  )}
                </header>
                <FieldTable fields={r.fields.filter((f) => !f.path.startsWith('when'))} />
                {whenChanged && (
                  <>
                    <p className="small muted">
                      {beforeRule && <>Before: {describeLogic(beforeRule.when as Json)}. </>}
                      {afterRule && <>After: {describeLogic(afterRule.when as Json)}.</>}
                    </p>
                    <LazyJsonDiffEditor original={pretty(before?.when ?? beforeRule?.when)} modified={pretty(after?.when ?? afterRule?.when)} ariaLabel={`Rule ${r.name} before and after`} />
                  </>
                )}
              </article>
            );
          })}
        </section>
      )}

      {diff.settings.length > 0 && (
        <section aria-label="Settings changes">
          <h3 className="section-title">Settings</h3>
          <FieldTable fields={diff.settings} />
        </section>
      )}

      {diff.nodes.length > 0 && (
        <section aria-label="Node changes">
          <h3 className="section-title">Nodes</h3>
          <ul className="change-list">
            {diff.nodes.map((n) => (
              <li key={n.id} className={`change-item change-${n.change}`}>
                <button type="button" className="change-head" onClick={() => setFocus(focus === n.id ? null : n.id)} aria-pressed={focus === n.id}>
                  <span className={`badge badge-${n.change}`}>{n.change}</span>
                  <span className="mono">{n.id}</span>
                  <span className="muted">{n.type}</span>
                  {n.handoff && <span className="badge badge-warning">handoff</span>}
                  <span className="muted small">{focus === n.id ? 'shown on the canvas' : 'show on the canvas'}</span>
                </button>
                {onComment && (
                  <button type="button" className="btn btn-ghost btn-xs comment-on" onClick={() => onComment(`nodes[id=${n.id}]`)}>
                    <Icon name="message" size={12} /> Comment
                  </button>
                )}
                <FieldTable fields={n.fields} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {diff.intents.length > 0 && (
        <section aria-label="Intent changes">
          <h3 className="section-title">Intents</h3>
          <ul className="change-list">
            {diff.intents.map((i) => (
              <li key={i.name} className={`change-item change-${i.change}`}>
                <div className="change-head">
                  <span className={`badge badge-${i.change}`}>{i.change}</span>
                  <span className="mono">{i.name}</span>
                  <span className="muted small">
                    +{i.examplesAdded.length} / −{i.examplesRemoved.length} examples
                  </span>
                </div>
                {(i.examplesAdded.length > 0 || i.examplesRemoved.length > 0) && (
                  <ul className="example-diff">
                    {i.examplesAdded.slice(0, 8).map((e) => (
                      <li key={`+${e}`} className="diff-after">
                        + {e}
                      </li>
                    ))}
                    {i.examplesRemoved.slice(0, 8).map((e) => (
                      <li key={`-${e}`} className="diff-before">
                        − {e}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {(diff.variables.length > 0 || diff.document.length > 0) && (
        <section aria-label="Other changes">
          <h3 className="section-title">Flow and variables</h3>
          <FieldTable fields={diff.document} />
          {diff.variables.map((v) => (
            <p key={v.key} className="small">
              <span className={`badge badge-${v.change}`}>{v.change}</span> variable <span className="mono">{v.key}</span>
            </p>
          ))}
        </section>
      )}

      {diff.layout.length > 0 && (
        <p className="muted small">
          <Icon name="layout" size={12} /> {diff.layout.length} node{diff.layout.length === 1 ? '' : 's'} moved on the canvas. Layout is not part of the review or the content hash.
        </p>
      )}
    </div>
  );
}
