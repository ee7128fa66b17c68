// The escalation policy: every rule checked on every customer turn, in order. Each rule is edited
// with the visual builder and JSON side by side, and can be tried on a sample conversation.
import { useEffect, useState } from 'react';
import { priorities, type Json, type Priority } from '../../shared/index.ts';
import { addRule, moveRule, removeRule, updateRule } from '../document/rule-mutations.ts';
import { useDoc, useProblems, useStudio, useUi } from '../studio/studio-context.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { SelectField } from '../inspector/fields/SelectField.tsx';
import { TagListField } from '../inspector/fields/TagListField.tsx';
import { TextField } from '../inspector/fields/TextField.tsx';
import { TextAreaField } from '../inspector/fields/TextAreaField.tsx';
import { describeLogic } from './describe-logic.ts';
import { RuleWorkbench } from './RuleWorkbench.tsx';

export function RulesView() {
  const { store, ui, readOnly } = useStudio();
  const rules = useDoc((d) => d.escalation?.rules ?? []);
  const byRule = useProblems((p) => p.byRule);
  const focus = useUi((u) => u.focusRuleId);
  const [selected, setSelected] = useState<string | null>(focus ?? rules[0]?.id ?? null);
  useEffect(() => {
    if (focus) {
      setSelected(focus);
      ui.set((u) => ({ ...u, focusRuleId: null }));
    }
  }, [focus, ui]);
  const current = rules.find((r) => r.id === selected) ?? null;
  const add = () => {
    let id = '';
    store.change('Add rule', (d) => {
      const added = addRule(d);
      id = added.id;
      return added.doc;
    });
    setSelected(id);
  };
  return (
    <div className="rules-view">
      <aside className="rules-sidebar" aria-label="Escalation rules">
        <div className="intents-sidebar-header">
          <h2>
            Escalation policy <span className="muted">{rules.length}</span>
          </h2>
          {!readOnly && (
            <button type="button" className="btn btn-sm" onClick={add}>
              <Icon name="plus" size={14} /> Add rule
            </button>
          )}
        </div>
        <p className="muted small">Checked on every customer message, after the message is understood. When several match, the highest priority decides the queue.</p>
        <ol className="rule-list">
          {rules.map((r) => (
            <li key={r.id}>
              <button type="button" className={r.id === selected ? 'rule-item active' : 'rule-item'} aria-current={r.id === selected ? 'true' : undefined} onClick={() => setSelected(r.id)}>
                <span className="rule-item-top">
                  <span className={`priority-dot priority-${r.priority}`} aria-label={`${r.priority} priority`} />
                  <span className="rule-item-name">{r.name}</span>
                  {byRule.get(r.id) && <Icon name="error" size={13} className="text-danger" label="Has problems" />}
                </span>
                <span className="rule-item-when">{describeLogic(r.when as Json)}</span>
                <span className="rule-item-meta">
                  → {r.queue} · {r.reason}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </aside>
      <section className="rules-main">
        {current ? (
          <RuleEditor key={current.id} ruleId={current.id} onDeleted={() => setSelected(rules.find((r) => r.id !== current.id)?.id ?? null)} />
        ) : (
          <EmptyState icon="rules" title="No escalation rules yet" action={!readOnly ? <button type="button" className="btn btn-primary" onClick={add}>Add the first rule</button> : undefined}>
            Rules hand a conversation to a person when it matters: a large unrecognised transfer, a VIP with a damaged order, a customer who mentions a chargeback.
          </EmptyState>
        )}
      </section>
    </div>
  );
}

function RuleEditor({ ruleId, onDeleted }: { ruleId: string; onDeleted: () => void }) {
  const { store, readOnly } = useStudio();
  const doc = useDoc((d) => d);
  const rule = useDoc((d) => d.escalation?.rules?.find((r) => r.id === ruleId));
  const problems = useProblems((p) => p.byRule.get(ruleId));
  if (!rule) return null;
  const set = (patch: Parameters<typeof updateRule>[2], key?: string) => store.change('Edit rule', (d) => updateRule(d, ruleId, patch), key ? { coalesceKey: `rule-${ruleId}-${key}` } : {});
  const fieldError = (field: string) => problems?.find((p) => p.path.endsWith(`.${field}`))?.message;
  return (
    <div className="rule-editor">
      <div className="review-note">
        <Icon name="rules" size={15} />
        Changes to escalation rules need an independent reviewer's approval before they can go live.
      </div>
      <div className="rule-editor-head">
        <TextField label="Name" value={rule.name} readOnly={readOnly} error={fieldError('name')} onChange={(v) => set({ name: v }, 'name')} />
        <div className="rule-editor-actions">
          {!readOnly && (
            <>
              <button type="button" className="icon-button" aria-label="Move up (checked earlier)" title="Move up" onClick={() => store.change('Reorder rules', (d) => moveRule(d, ruleId, -1))}>
                <Icon name="chevronDown" size={15} style={{ transform: 'rotate(180deg)' }} />
              </button>
              <button type="button" className="icon-button" aria-label="Move down (checked later)" title="Move down" onClick={() => store.change('Reorder rules', (d) => moveRule(d, ruleId, 1))}>
                <Icon name="chevronDown" size={15} />
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label="Delete rule"
                title="Delete rule"
                onClick={() => {
                  store.change('Delete rule', (d) => removeRule(d, ruleId));
                  onDeleted();
                }}
              >
                <Icon name="trash" size={15} />
              </button>
            </>
          )}
        </div>
      </div>
      <div className="field-grid">
        <SelectField<Priority> label="Priority" value={rule.priority} readOnly={readOnly} options={priorities.map((p) => ({ value: p, label: p[0]!.toUpperCase() + p.slice(1) }))} onChange={(v) => set({ priority: v })} />
        <TextField label="Queue" mono value={rule.queue} readOnly={readOnly} error={fieldError('queue')} onChange={(v) => set({ queue: v }, 'queue')} />
        <TextField label="Reason" mono value={rule.reason} readOnly={readOnly} error={fieldError('reason')} onChange={(v) => set({ reason: v }, 'reason')} />
        <TextField label="Rule id" mono value={rule.id} readOnly help="Stable id reviewers and reports refer to." onChange={() => undefined} />
      </div>
      <TagListField label="Tags" values={rule.tags ?? []} readOnly={readOnly} onChange={(v) => set({ tags: v })} />
      <TextAreaField label="Why this rule exists (optional)" rows={2} value={rule.description ?? ''} readOnly={readOnly} onChange={(v) => set({ description: v || undefined }, 'description')} />
      <h3 className="section-title">Hand over when</h3>
      <RuleWorkbench value={rule.when as Json} onChange={(v) => set({ when: v }, 'when')} doc={doc} modelPath={`logic-rule-${ruleId}`} readOnly={readOnly} />
    </div>
  );
}
