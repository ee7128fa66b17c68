// Inspector for a Condition node: one rule (true/false) or ordered cases, each edited with the
// visual builder, with the full workbench one click away.
import { useMemo, useState } from 'react';
import type { Json } from '../../../shared/index.ts';
import { SelectField } from '../../inspector/fields/SelectField.tsx';
import { TextField } from '../../inspector/fields/TextField.tsx';
import { intentNames } from '../../document/editor-document.ts';
import { RuleBuilder } from '../../rules/RuleBuilder.tsx';
import { RuleDialog } from '../../rules/RuleDialog.tsx';
import { ruleFields } from '../../rules/rule-fields.ts';
import { Icon } from '../../ui/Icon.tsx';
import type { NodePanelProps } from '../node-ui.ts';
import { recordList, str, type RawData } from '../raw-data.ts';
import { uniqueId } from '../../document/ids.ts';

export function ConditionPanel({ nodeId, data, errors, update, readOnly, doc }: NodePanelProps) {
  const mode = str(data, 'mode', 'if') === 'cases' ? 'cases' : 'if';
  const cases = recordList(data, 'cases');
  const fields = useMemo(() => ruleFields(doc), [doc]);
  const intents = useMemo(() => intentNames(doc), [doc]);
  const [open, setOpen] = useState<number | 'when' | null>(null);

  const switchMode = (next: 'if' | 'cases') => {
    if (next === mode) return;
    // Connections follow: true becomes the first case and false the else branch, and back.
    if (next === 'cases') update({ mode: 'cases', cases: [{ id: 'case_1', label: 'Case 1', when: (data.when as Json | undefined) ?? true }] }, { portRenames: { true: 'case_1', false: 'else' } });
    else update({ mode: 'if', when: (cases[0]?.when as Json | undefined) ?? true }, { portRenames: { [str(cases[0] ?? {}, 'id')]: 'true', else: 'false' } });
  };
  const setCase = (index: number, patch: RawData, renames?: Record<string, string>) => {
    const next = cases.map((c, i) => (i === index ? { ...c, ...patch } : c));
    update({ ...data, cases: next }, renames ? { portRenames: renames, coalesce: `case-${index}-id` } : { coalesce: `case-${index}` });
  };
  const dialogValue = open === 'when' ? (data.when as Json | undefined) : open !== null ? (cases[open]?.when as Json | undefined) : undefined;

  return (
    <>
      <SelectField
        label="Branch by"
        value={mode}
        readOnly={readOnly}
        options={[
          { value: 'if', label: 'One rule: true or false' },
          { value: 'cases', label: 'Several cases: first match wins' },
        ]}
        onChange={switchMode}
      />
      {mode === 'if' ? (
        <div className="field">
          <div className="field-label-row">
            <span className="field-label">Rule</span>
            <button type="button" className="btn btn-ghost btn-xs" onClick={() => setOpen('when')}>
              <Icon name="braces" size={12} /> JSON & test
            </button>
          </div>
          <RuleBuilder value={data.when as Json | undefined} onChange={(v) => update({ ...data, when: v })} fields={fields} intents={intents} readOnly={readOnly} />
          {errors.get('when') && <p className="field-error">{errors.get('when')}</p>}
        </div>
      ) : (
        <ol className="case-list">
          {cases.map((c, i) => (
            <li key={i} className="case-item">
              <div className="case-header">
                <span className="case-number">{i + 1}</span>
                <TextField
                  label="Port id"
                  mono
                  value={str(c, 'id')}
                  readOnly={readOnly}
                  error={errors.get(`cases.${i}.id`)}
                  onChange={(v) => setCase(i, { id: v }, { [str(c, 'id')]: v })}
                />
                <TextField label="Label" value={str(c, 'label')} readOnly={readOnly} onChange={(v) => setCase(i, { label: v || undefined })} />
                {!readOnly && (
                  <button type="button" className="icon-button" aria-label={`Remove case ${i + 1}`} onClick={() => update({ ...data, cases: cases.filter((_, j) => j !== i) })}>
                    <Icon name="trash" size={14} />
                  </button>
                )}
              </div>
              <div className="field-label-row">
                <span className="field-label">When</span>
                <button type="button" className="btn btn-ghost btn-xs" onClick={() => setOpen(i)}>
                  <Icon name="braces" size={12} /> JSON & test
                </button>
              </div>
              <RuleBuilder value={c.when as Json | undefined} onChange={(v) => setCase(i, { when: v })} fields={fields} intents={intents} readOnly={readOnly} />
              {errors.get(`cases.${i}.when`) && <p className="field-error">{errors.get(`cases.${i}.when`)}</p>}
            </li>
          ))}
          {!readOnly && (
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => {
                const id = uniqueId(`case_${cases.length + 1}`, new Set(cases.map((c) => str(c, 'id'))));
                update({ ...data, cases: [...cases, { id, label: `Case ${cases.length + 1}`, when: true }] });
              }}
            >
              <Icon name="plus" size={14} /> Add case
            </button>
          )}
          {errors.get('cases') && <p className="field-error">{errors.get('cases')}</p>}
          <p className="field-help">Cases are tried in order; the Else port is taken when none matches.</p>
        </ol>
      )}
      <RuleDialog
        open={open !== null}
        title={open === 'when' || open === null ? `Rule of ${nodeId}` : `Case ${open + 1} of ${nodeId}`}
        value={dialogValue}
        onChange={(v) => (open === 'when' ? update({ ...data, when: v }, { coalesce: 'when' }) : open !== null ? setCase(open, { when: v }) : undefined)}
        onClose={() => setOpen(null)}
        doc={doc}
        modelPath={`logic-${nodeId}-${open}`}
        readOnly={readOnly}
      />
    </>
  );
}
